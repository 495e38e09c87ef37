package sh.grassroots.stations.mediation.application;

import sh.grassroots.stations.access.model.Actor;
import sh.grassroots.stations.booking.application.BookingView;
import sh.grassroots.stations.mediation.model.Outcome;
import sh.grassroots.stations.mediation.persistence.MediationEntity;
import sh.grassroots.stations.personaldata.application.PersonalData;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A mediation session as its station and its arranging organization see it. The family's names
 * are in clear for the station's managers only, masked for the arranging side; the family's phone
 * is masked except when a manager opens the record (as a booker's phone). {@code outcomeRecordedBy} names
 * who recorded the outcome (subject and kind); null before, or for an outcome recorded before that was kept.
 */
public record MediationView(BookingView booking, String site, String residentsSecretary, String expropriationOfficer,
                            String lawyer, Family family, Outcome outcome, String outcomeSummary,
                            OffsetDateTime outcomeRecordedAt, Actor outcomeRecordedBy, long version) {

    public record Family(List<String> names, String phone) {
    }

    static MediationView of(BookingView booking, MediationEntity m, ZoneId zone, PersonalData personalData,
                            boolean namesInClear, boolean phoneInClear) {
        return new MediationView(booking, m.site, m.residentsSecretary, m.expropriationOfficer, m.lawyer,
                new Family(personalData.names(m.familyNames, namesInClear),
                        personalData.phone(m.familyPhone, phoneInClear)),
                m.outcome, m.outcomeSummary,
                m.outcomeRecordedAt == null ? null : BookingView.local(m.outcomeRecordedAt, zone), m.outcomeRecordedBy(),
                m.version);
    }
}

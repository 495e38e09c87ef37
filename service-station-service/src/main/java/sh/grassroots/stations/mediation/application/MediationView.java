package sh.grassroots.stations.mediation.application;

import sh.grassroots.stations.booking.application.BookingView;
import sh.grassroots.stations.booking.model.PhoneNumber;
import sh.grassroots.stations.mediation.model.Outcome;
import sh.grassroots.stations.mediation.persistence.MediationEntity;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** A mediation session as the station sees it; the family's phone masked. */
public record MediationView(BookingView booking, String site, String residentsSecretary, String expropriationOfficer,
                            String lawyer, Family family, Outcome outcome, String outcomeSummary,
                            OffsetDateTime outcomeRecordedAt, long version) {

    public record Family(List<String> names, String phone) {
    }

    static MediationView of(BookingView booking, MediationEntity m, ZoneId zone) {
        return new MediationView(booking, m.site, m.residentsSecretary, m.expropriationOfficer, m.lawyer,
                new Family(List.of(m.familyNames), m.familyPhone == null ? null : new PhoneNumber(m.familyPhone).masked()),
                m.outcome, m.outcomeSummary,
                m.outcomeRecordedAt == null ? null : BookingView.local(m.outcomeRecordedAt, zone), m.version);
    }
}

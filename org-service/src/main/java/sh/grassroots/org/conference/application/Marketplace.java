package sh.grassroots.org.conference.application;

import sh.grassroots.platform.web.ETags;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.web.Cursors;
import sh.grassroots.platform.web.Page;
import sh.grassroots.platform.rules.Outcome;
import sh.grassroots.org.conference.application.Views.ListingView;
import sh.grassroots.org.conference.application.Views.ProposalView;
import sh.grassroots.org.conference.application.Views.Proposals;
import sh.grassroots.org.conference.application.Views.Side;
import sh.grassroots.org.conference.model.Category;
import sh.grassroots.org.conference.model.Listing;
import sh.grassroots.org.conference.model.ListingKind;
import sh.grassroots.org.conference.model.ListingStatus;
import sh.grassroots.org.conference.model.Matching;
import sh.grassroots.org.conference.persistence.ListingEntity;
import sh.grassroots.org.conference.persistence.MemberUnitEntity;
import sh.grassroots.platform.web.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Offers (有什么) and needs (要什么) of member units, and the pairs proposed between them. */
@ApplicationScoped
public class Marketplace {
    private final Clock clock;

    public Marketplace(Clock clock) {
        this.clock = clock;
    }

    public record NewListing(UUID unitId, Category category, String description, int quantity,
                             LocalDate availableFrom, LocalDate availableUntil) {
    }

    @WithTransaction
    public Uni<ListingView> post(Caller caller, UUID conferenceId, ListingKind kind, NewListing request) {
        return Conferences.loadForWrite(conferenceId, caller)
                .chain(conference -> Conferences.unitOf(conferenceId, request.unitId(), "unitId"))
                .chain(unit -> {
                    Outcome<Listing> outcome = Listing.post(UUID.randomUUID(), kind, unit.toModel(), request.category(),
                            request.quantity(), request.availableFrom(), request.availableUntil());
                    if (outcome instanceof Outcome.Rejected<Listing> refused) {
                        return Conferences.<ListingView>refuse(refused);
                    }
                    Listing listing = ((Outcome.Done<Listing>) outcome).value();
                    ListingEntity entity = new ListingEntity();
                    entity.id = listing.id();
                    entity.conferenceId = conferenceId;
                    entity.unitId = listing.unitId();
                    entity.kind = kind;
                    entity.category = listing.category();
                    entity.description = request.description().strip();
                    entity.quantity = listing.quantity();
                    entity.remaining = listing.remaining();
                    entity.availableFrom = listing.availableFrom();
                    entity.availableUntil = listing.availableUntil();
                    entity.status = listing.status();
                    entity.createdAt = OffsetDateTime.now(clock);
                    return entity.<ListingEntity>persistAndFlush().map(saved -> ListingView.of(saved, unit.name));
                });
    }

    @WithTransaction
    public Uni<ListingView> withdraw(Caller caller, UUID conferenceId, ListingKind kind, UUID id,
                                     Long expectedVersion) {
        return Conferences.loadForWrite(conferenceId, caller)
                .chain(conference -> load(conferenceId, kind, id))
                .invoke(listing -> ETags.requireCurrent(expectedVersion, listing.version))
                .chain(listing -> unitName(listing).chain(name -> {
                    Outcome<Listing> outcome = listing.toModel(name).withdraw();
                    if (outcome instanceof Outcome.Rejected<Listing> refused) {
                        return Conferences.<ListingView>refuse(refused);
                    }
                    listing.apply(((Outcome.Done<Listing>) outcome).value());
                    return Panache.getSession().chain(s -> s.flush()).map(ignored -> ListingView.of(listing, name));
                }));
    }

    @WithSession
    public Uni<ListingView> get(Caller caller, UUID conferenceId, ListingKind kind, UUID id) {
        return Conferences.checkRead(caller).chain(() -> load(conferenceId, kind, id)).chain(listing -> unitName(listing).map(name -> ListingView.of(listing, name)));
    }

    /** A conference's offers or needs, oldest first, optionally of one status, category or unit. */
    @WithSession
    public Uni<Page<ListingView>> list(Caller caller, UUID conferenceId, ListingKind kind, ListingStatus status,
                                       Category category, UUID unitId, int limit, String cursor) {
        return Conferences.checkRead(caller).chain(() -> Conferences.load(conferenceId)).chain(conference -> Conferences.after(cursor))
                .chain(after -> listAfter(conferenceId, kind, status, category, unitId, limit, after));
    }

    private static Uni<Page<ListingView>> listAfter(UUID conferenceId, ListingKind kind, ListingStatus status,
                                                    Category category, UUID unitId, int limit, long after) {
        StringBuilder where = new StringBuilder("conferenceId = :conference and kind = :kind and seq > :after");
        Map<String, Object> params = new java.util.HashMap<>(Map.of("conference", conferenceId, "kind", kind, "after", after));
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (category != null) {
            where.append(" and category = :category");
            params.put("category", category);
        }
        if (unitId != null) {
            where.append(" and unitId = :unit");
            params.put("unit", unitId);
        }
        return ListingEntity.<ListingEntity>find(where + " order by seq", params).page(0, limit + 1).list()
                .chain(rows -> Conferences.unitsById(rows.stream().map(l -> l.unitId).toList())
                        .map(units -> Page.of(rows, limit, (ListingEntity last) -> Cursors.encode(last.seq.toString()))
                                .map(l -> ListingView.of(l, units.get(l.unitId).name))));
    }

    /**
     * The offer/need pairs worth a look, best first (see {@link Matching#propose}): computed over
     * the conference's open listings, which stay in the dozens, so the whole ranking is one call.
     */
    @WithSession
    public Uni<Proposals> proposals(Caller caller, UUID conferenceId, Category category, int limit) {
        return Conferences.checkRead(caller).chain(() -> Conferences.load(conferenceId))
                .chain(conference -> category == null
                        ? ListingEntity.<ListingEntity>list("conferenceId = ?1 and status = ?2", conferenceId, ListingStatus.OPEN)
                        : ListingEntity.<ListingEntity>list("conferenceId = ?1 and status = ?2 and category = ?3",
                        conferenceId, ListingStatus.OPEN, category))
                .chain(rows -> Conferences.unitsById(rows.stream().map(l -> l.unitId).toList()).map(units -> {
                    Map<UUID, ListingEntity> byId = rows.stream().collect(Collectors.toMap(l -> l.id, l -> l));
                    List<Listing> listings = rows.stream().map(l -> l.toModel(units.get(l.unitId).name)).toList();
                    List<ProposalView> items = new ArrayList<>();
                    for (Matching.Proposal p : Matching.propose(listings)) {
                        if (items.size() == limit) {
                            break;
                        }
                        items.add(new ProposalView(items.size() + 1, p.offer().category(),
                                side(p.offer(), byId), side(p.need(), byId), p.quantity(), p.coveragePercent(),
                                p.overlapFrom(), p.overlapUntil(), p.overlapDays()));
                    }
                    return new Proposals(List.copyOf(items));
                }));
    }

    private static Side side(Listing listing, Map<UUID, ListingEntity> byId) {
        return new Side(listing.id(), listing.unitId(), listing.unitName(), byId.get(listing.id()).description,
                listing.remaining(), listing.availableFrom(), listing.availableUntil());
    }

    static Uni<String> unitName(ListingEntity listing) {
        return MemberUnitEntity.<MemberUnitEntity>findById(listing.unitId).map(unit -> unit.name);
    }

    private static Uni<ListingEntity> load(UUID conferenceId, ListingKind kind, UUID id) {
        return ListingEntity.<ListingEntity>findById(id)
                .map(l -> l != null && l.conferenceId.equals(conferenceId) && l.kind == kind ? l : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(kind == ListingKind.OFFER ? "Offer" : "Need", id));
    }

    private static String noun(ListingKind kind) {
        return kind == ListingKind.OFFER ? "offer" : "need";
    }
}

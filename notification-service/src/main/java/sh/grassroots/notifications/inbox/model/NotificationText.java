package sh.grassroots.notifications.inbox.model;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * A notification's title, body and next step, made from its kind and facts (the event's fields
 * the texts need, kept as strings). Chinese first, English when asked for; times are shown in
 * Shanghai time, as the people reading them live there.
 */
public final class NotificationText {
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter ZH_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", java.util.Locale.ENGLISH);

    public record Text(String title, String body) {
    }

    private NotificationText() {
    }

    public static Text render(Kind kind, Map<String, String> facts, Language language) {
        boolean zh = language == Language.ZH;
        String course = facts.get("courseTitle");
        String what = course != null ? (zh ? "“" + course + "”" : "\"" + course + "\"") : (zh ? "课程" : "the session");
        String when = time(facts.get("startsAt"), language).map(t -> zh ? "（" + t + "）" : " (" + t + ")").orElse("");
        String reason = facts.getOrDefault("reason", "");
        return switch (kind) {
            case SEAT_HELD -> zh
                    ? new Text("候补名额已为您保留", "您候补的" + what + when + "有了空位，已为您保留"
                    + time(facts.get("deadline"), language).map(t -> "至 " + t).orElse("") + "。请在此之前确认，逾期名额将让给下一位。")
                    : new Text("A seat is held for you", "A seat in " + what + when + " is held for you"
                    + time(facts.get("deadline"), language).map(t -> " until " + t).orElse("")
                    + ". Accept it before then, or it passes to the next person.");
            case SEAT_OFFER_EXPIRED -> zh
                    ? new Text("保留名额已过期", "为您保留的" + what + "名额已过期，已让给下一位候补。")
                    : new Text("Your held seat has expired", "The seat held for you in " + what + " has passed to the next person.");
            case ENROLMENT_CONFIRMED -> zh
                    ? new Text("报名成功", "您已报名" + what + when + "。")
                    : new Text("You are enrolled", "You are enrolled in " + what + when + ".");
            case ENROLMENT_WAITLISTED -> zh
                    ? new Text("已加入候补", what + "已满，您在候补名单第 " + facts.getOrDefault("position", "?") + " 位。有空位时会通知您。")
                    : new Text("You are on the waitlist", what + " is full; you are number " + facts.getOrDefault("position", "?")
                    + " on the waitlist. You will be told when a seat is free.");
            case ENROLMENT_PROMOTED -> zh
                    ? new Text("候补转正", "您已获得" + what + when + "的名额。")
                    : new Text("You have a seat", "You now have a seat in " + what + when + ".");
            case ENROLMENT_CANCELLED -> zh
                    ? new Text("报名已取消", "您在" + what + when + "的报名已取消" + (reason.isBlank() ? "。" : "：" + reason))
                    : new Text("Enrolment cancelled", "Your enrolment in " + what + when + " was cancelled"
                    + (reason.isBlank() ? "." : ": " + reason));
            case BOOKING_CONFIRMED -> zh
                    ? new Text("预约已确认", "您的场地预约" + time(facts.get("start"), language).map(t -> "（" + t + "）").orElse("") + "已确认。")
                    : new Text("Booking confirmed", "Your room booking" + time(facts.get("start"), language).map(t -> " (" + t + ")").orElse("")
                    + " is confirmed.");
            case BOOKING_REJECTED -> zh
                    ? new Text("预约未通过", "您的场地预约未通过" + (reason.isBlank() ? "。" : "：" + reason))
                    : new Text("Booking declined", "Your room booking was declined" + (reason.isBlank() ? "." : ": " + reason));
            case BOOKING_CANCELLED -> zh
                    ? new Text("预约已取消", "您的场地预约" + time(facts.get("start"), language).map(t -> "（" + t + "）").orElse("")
                    + "已取消" + (reason.isBlank() ? "。" : "：" + reason))
                    : new Text("Booking cancelled", "Your room booking" + time(facts.get("start"), language).map(t -> " (" + t + ")").orElse("")
                    + " was cancelled" + (reason.isBlank() ? "." : ": " + reason));
            case TRANSFER_COMPLETED -> zh
                    ? new Text("组织关系转接完成", "您的组织关系已转入新的党组织。")
                    : new Text("Transfer completed", "Your membership has been transferred to your new organization.");
            case AFFILIATION_STARTED -> zh
                    ? new Text("已加入功能型党组织", "您已加入一个" + ("TEMPORARY".equals(facts.get("affiliationKind")) ? "临时" : "功能型") + "党支部。")
                    : new Text("You joined a branch", "You have joined a " + ("TEMPORARY".equals(facts.get("affiliationKind")) ? "temporary" : "functional")
                    + " branch.");
            case AFFILIATION_ENDED -> zh
                    ? new Text("已离开功能型党组织", "您在一个功能型或临时党支部的关系已结束。")
                    : new Text("Branch membership ended", "Your membership of a functional or temporary branch has ended.");
        };
    }

    /** For a held seat: accept it through training's endpoint, before the hold's deadline. */
    public static Optional<NextStep> nextStep(Kind kind, Map<String, String> facts) {
        if (kind == Kind.SEAT_HELD && facts.get("enrolmentId") != null) {
            return Optional.of(new NextStep("ACCEPT_SEAT", "POST",
                    "/api/v1/training/enrolments/" + facts.get("enrolmentId") + "/acceptance",
                    facts.get("deadline") == null ? null : OffsetDateTime.parse(facts.get("deadline"))));
        }
        return Optional.empty();
    }

    private static Optional<String> time(String iso, Language language) {
        if (iso == null) {
            return Optional.empty();
        }
        OffsetDateTime at = OffsetDateTime.parse(iso).atZoneSameInstant(SHANGHAI).toOffsetDateTime();
        return Optional.of((language == Language.ZH ? ZH_TIME : EN_TIME).format(at));
    }
}

package sh.grassroots.notifications.inbox.model;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotificationTextTest {
    private static final Map<String, String> HELD = Map.of(
            "enrolmentId", "6f1c1b9e-8e0a-4a47-9d43-7d5b0f0f6a11",
            "courseTitle", "党章学习",
            "startsAt", "2026-12-05T06:00:00Z",
            "deadline", "2026-12-01T03:00:00Z");

    @Test
    void a_held_seat_says_in_chinese_what_is_held_and_until_when_in_shanghai_time() {
        NotificationText.Text text = NotificationText.render(Kind.SEAT_HELD, HELD, Language.ZH);
        assertEquals("候补名额已为您保留", text.title());
        assertTrue(text.body().contains("“党章学习”（12月5日 14:00）"), text.body());
        assertTrue(text.body().contains("至 12月1日 11:00"), text.body());
    }

    @Test
    void a_held_seat_says_the_same_in_english_when_asked() {
        NotificationText.Text text = NotificationText.render(Kind.SEAT_HELD, HELD, Language.EN);
        assertEquals("A seat is held for you", text.title());
        assertTrue(text.body().contains("until 1 Dec 11:00"), text.body());
    }

    @Test
    void a_held_seat_is_accepted_through_trainings_endpoint_before_its_deadline() {
        NextStep step = NotificationText.nextStep(Kind.SEAT_HELD, HELD).orElseThrow();
        assertEquals("POST", step.method());
        assertEquals("/api/v1/training/enrolments/6f1c1b9e-8e0a-4a47-9d43-7d5b0f0f6a11/acceptance", step.href());
        assertEquals(OffsetDateTime.parse("2026-12-01T03:00:00Z"), step.deadline());
    }

    @Test
    void nothing_is_to_be_done_about_a_confirmation() {
        assertTrue(NotificationText.nextStep(Kind.ENROLMENT_CONFIRMED, HELD).isEmpty());
    }

    @Test
    void a_waitlist_notification_names_the_position() {
        NotificationText.Text text = NotificationText.render(Kind.ENROLMENT_WAITLISTED, Map.of("position", "3"), Language.ZH);
        assertTrue(text.body().contains("候补名单第 3 位"), text.body());
    }

    @Test
    void every_kind_has_a_text_in_both_languages_even_without_facts() {
        for (Kind kind : Kind.values()) {
            for (Language language : Language.values()) {
                NotificationText.Text text = NotificationText.render(kind, Map.of(), language);
                assertTrue(!text.title().isBlank() && !text.body().isBlank(), kind + " " + language);
            }
        }
    }

    @Test
    void chinese_unless_english_is_the_first_choice() {
        assertEquals(Language.ZH, Language.fromAcceptLanguage(null));
        assertEquals(Language.ZH, Language.fromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8"));
        assertEquals(Language.EN, Language.fromAcceptLanguage("en-US,en;q=0.9"));
        assertEquals(Language.EN, Language.fromAcceptLanguage("en"));
        assertEquals(Language.ZH, Language.fromAcceptLanguage("fr-FR"));
    }
}

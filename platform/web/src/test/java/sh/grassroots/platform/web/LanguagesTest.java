package sh.grassroots.platform.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguagesTest {

    @Test
    void a_request_without_a_language_is_answered_in_chinese() {
        assertEquals(Languages.CHINESE, Languages.fromAcceptLanguage(null));
        assertEquals(Languages.CHINESE, Languages.fromAcceptLanguage(""));
    }

    @Test
    void english_is_chosen_when_asked() {
        assertEquals(Languages.ENGLISH, Languages.fromAcceptLanguage("en"));
        assertEquals(Languages.ENGLISH, Languages.fromAcceptLanguage("en-GB,en;q=0.8"));
    }

    @Test
    void q_values_decide_between_the_two() {
        assertEquals(Languages.CHINESE, Languages.fromAcceptLanguage("en;q=0.5,zh-CN;q=0.9"));
        assertEquals(Languages.ENGLISH, Languages.fromAcceptLanguage("zh-CN;q=0.4,en;q=0.7"));
        assertEquals(Languages.ENGLISH, Languages.fromAcceptLanguage("zh;q=0,en;q=0.1"));
    }

    @Test
    void an_unsupported_or_unreadable_language_falls_back_to_chinese() {
        assertEquals(Languages.CHINESE, Languages.fromAcceptLanguage("fr-FR"));
        assertEquals(Languages.CHINESE, Languages.fromAcceptLanguage(";;;q=x"));
        assertEquals(Languages.ENGLISH, Languages.fromAcceptLanguage("fr-FR,en;q=0.5"));
    }

    @Test
    void a_service_keeps_the_words_as_written_when_nothing_it_serves_is_asked_for() {
        assertEquals(Languages.ENGLISH, Languages.fromAcceptLanguage(null, Languages.ENGLISH));
        assertEquals(Languages.ENGLISH, Languages.fromAcceptLanguage("fr-FR", Languages.ENGLISH));
        assertEquals(Languages.CHINESE, Languages.fromAcceptLanguage("zh-CN", Languages.ENGLISH));
    }

    @Test
    void the_gateway_states_chinese_only_for_a_header_naming_nothing_we_serve() {
        assertEquals(false, Languages.namesOneWeServe(null));
        assertEquals(false, Languages.namesOneWeServe("fr-FR"));
        assertEquals(true, Languages.namesOneWeServe("en-GB,en;q=0.8"));
        assertEquals(true, Languages.namesOneWeServe("zh-TW"));
    }
}

package org.beacon.campaign.survey.odk;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The BCP-47 tag of a language an XLSForm header names only in words ({@code label:English}, {@code label::Français}).
 * xlsform.org recommends {@code English (en)}, but forms written for ODK Collect often carry the name alone; Beacon
 * needs the tag to match the reader's language, so a name missing here is refused rather than guessed.
 */
final class LanguageNames {

    private static final Map<String, String> TAGS = new HashMap<>();

    static {
        // tag, then its English name and the names its speakers write
        add("en", "English");
        add("fr", "French", "Français", "Francais");
        add("es", "Spanish", "Español", "Espanol", "Castellano");
        add("pt", "Portuguese", "Português", "Portugues");
        add("ar", "Arabic", "العربية", "عربي");
        add("sw", "Swahili", "Kiswahili");
        add("ru", "Russian", "Русский");
        add("zh", "Chinese", "中文", "汉语", "Mandarin");
        add("hi", "Hindi", "हिन्दी", "हिंदी");
        add("bn", "Bengali", "Bangla", "বাংলা");
        add("ur", "Urdu", "اردو");
        add("fa", "Persian", "Farsi", "فارسی");
        add("prs", "Dari", "دری");
        add("ps", "Pashto", "Pashtu", "پښتو");
        add("tr", "Turkish", "Türkçe", "Turkce");
        add("am", "Amharic", "አማርኛ");
        add("ti", "Tigrinya", "ትግርኛ");
        add("so", "Somali", "Soomaali", "Af-Soomaali");
        add("ha", "Hausa", "Harshen Hausa");
        add("yo", "Yoruba", "Yorùbá");
        add("ig", "Igbo", "Asụsụ Igbo");
        add("wo", "Wolof");
        add("ff", "Fula", "Fulah", "Fulfulde", "Pulaar", "Peul");
        add("ln", "Lingala", "Lingála");
        add("uk", "Ukrainian", "Українська");
        add("ro", "Romanian", "Română", "Romana");
        add("it", "Italian", "Italiano");
        add("de", "German", "Deutsch");
        add("nl", "Dutch", "Nederlands");
        add("th", "Thai", "ไทย");
        add("vi", "Vietnamese", "Tiếng Việt", "Tieng Viet");
        add("id", "Indonesian", "Bahasa Indonesia");
        add("ms", "Malay", "Bahasa Melayu");
        add("tl", "Tagalog", "Filipino");
        add("ne", "Nepali", "नेपाली");
        add("my", "Burmese", "Myanmar", "မြန်မာ");
        add("ku", "Kurdish", "Kurdî", "کوردی");
        add("pl", "Polish", "Polski");
        add("el", "Greek", "Ελληνικά");
        add("ja", "Japanese", "日本語");
        add("ko", "Korean", "한국어");
        add("rw", "Kinyarwanda", "Ikinyarwanda");
        add("mg", "Malagasy");
        add("zu", "Zulu", "isiZulu");
        add("xh", "Xhosa", "isiXhosa");
        add("om", "Oromo", "Afaan Oromoo");
        add("ht", "Haitian Creole", "Kreyòl ayisyen");
        add("bm", "Bambara", "Bamanankan");
        add("tg", "Tajik", "Тоҷикӣ");
        add("uz", "Uzbek", "Oʻzbekcha");
    }

    private LanguageNames() {
    }

    private static void add(String tag, String... names) {
        for (String name : names) {
            TAGS.put(name.toLowerCase(Locale.ROOT), tag);
        }
    }

    static Optional<String> tagOf(String name) {
        return Optional.ofNullable(TAGS.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    /** How ODK Collect lists a language: the name and the tag, {@code English (en)}. */
    static String displayName(String tag) {
        String english = Locale.forLanguageTag(tag).getDisplayLanguage(Locale.ENGLISH);
        return (english.isBlank() ? tag : english) + " (" + tag + ")";
    }
}

package org.beacon.gateway.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.beacon.commons.i18n.Languages;
import org.beacon.commons.web.ReaderFormats;

/**
 * One name per act across both services. Each service stores its own action codes ("version.publish" in
 * training-service, "publish" in campaign-service) and keeps them: nothing stored is rewritten. The admin page shows
 * and filters by the act ("publish"), asks each service for the codes it stores for it, and says the act and what it
 * was done to in the reader's language ({@code i18n/audit*.properties}).
 */
public final class AuditActs {

    /** An act and the codes each service stores for it. */
    record Act(String name, List<String> training, List<String> campaigns) {
    }

    private static final String BUNDLE = "i18n.audit";

    static final List<Act> ACTS = List.of(
            new Act("publish", List.of("version.publish", "translation.publish"), List.of("publish")),
            new Act("unpublish", List.of(), List.of("unpublish")),
            new Act("archive", List.of("version.archive", "translation.archive"), List.of()),
            new Act("approve", List.of(), List.of("approve")),
            new Act("reject", List.of("translation.reject"), List.of()),
            new Act("create", List.of("version.draft", "translation.add"),
                    List.of("create", "help-create", "collect-link-create")),
            new Act("change", List.of(), List.of("change", "help-update", "survey-question-settings",
                    "survey-breakdown-dimensions", "survey-min-cell-size")),
            new Act("import", List.of("course.import"), List.of("import", "survey-import", "survey-upload")),
            new Act("export", List.of("report.export", "cohort.export", "gift.export"),
                    List.of("survey-results-export")),
            new Act("legal-change", List.of("version.legal-change"), List.of()),
            new Act("certificate", List.of("certificate.issue"), List.of()),
            new Act("refresher-due", List.of("certificate.refresher-due"), List.of()),
            new Act("wave-open", List.of(), List.of("survey-wave-open")),
            new Act("wave-close", List.of(), List.of("survey-wave-close")),
            new Act("revoke", List.of(), List.of("collect-link-revoke")),
            new Act("late-allow", List.of(), List.of("collect-late-allow")));

    private static final Map<String, Act> BY_NAME = new LinkedHashMap<>();
    private static final Map<String, String> ACT_OF_CODE = new LinkedHashMap<>();

    static {
        for (Act act : ACTS) {
            BY_NAME.put(act.name(), act);
            act.training().forEach(code -> ACT_OF_CODE.put("training/" + code, act.name()));
            act.campaigns().forEach(code -> ACT_OF_CODE.put("campaigns/" + code, act.name()));
        }
    }

    private AuditActs() {
    }

    /** The act of a stored code of {@code service} ("training", "campaigns"); an unknown code is its own act. */
    static String actOf(String service, String code) {
        return ACT_OF_CODE.getOrDefault(service + "/" + code, code);
    }

    /**
     * What to ask {@code service} for when the admin filters by {@code act}: its codes of the act, comma-separated;
     * a name that is no act is asked as a code as it is (an older link); null when the service stores no such act.
     */
    static String codesFor(String service, String act) {
        if (act == null) {
            return null;
        }
        Act known = BY_NAME.get(act.strip());
        if (known == null) {
            return act;
        }
        List<String> codes = service.equals("training") ? known.training() : known.campaigns();
        return codes.isEmpty() ? null : String.join(",", codes);
    }

    /** Whether {@code service} stores no code of the act filtered by, so it need not be asked. */
    static boolean noneIn(String service, String act) {
        return act != null && codesFor(service, act) == null;
    }

    /** The acts, by name, for the filter's choice list. */
    static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** An act in words ("Publié"), or the code itself when it is no known act. */
    static String words(String act, String language) {
        return text("act." + act, act, language);
    }

    /** What an entry was done to in words ("Version de cours"), or the stored type. */
    static String subject(String type, String language) {
        return type == null ? "" : text("subject." + type, type, language);
    }

    /** The CSV's last line when it holds only the first {@code rows} entries, in the reader's language. */
    static String tooManyForCsv(int rows, String language) {
        String lang = Languages.supported(language) != null ? Languages.supported(language) : Languages.DEFAULT;
        return text("csv.too-many", "More than {0} entries match: narrow the dates to export the rest.", lang)
                .replace("{0}", ReaderFormats.number(rows, Locale.forLanguageTag(lang)));
    }

    private static String text(String key, String otherwise, String language) {
        String lang = Languages.supported(language) != null ? Languages.supported(language) : Languages.DEFAULT;
        ResourceBundle words = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(lang),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try {
            return words.getString(key);
        } catch (MissingResourceException unknown) {
            return otherwise;
        }
    }
}

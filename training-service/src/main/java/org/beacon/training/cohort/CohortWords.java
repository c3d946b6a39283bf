package org.beacon.training.cohort;

import java.util.Locale;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import org.beacon.commons.web.ReaderFormats;
import org.beacon.training.i18n.ReaderMessages;
import org.beacon.training.i18n.TrainingMessages;

/**
 * Cohort pages' words in the reader's language: "1 trainee", "2 trainees" (CLDR's plural rules through ICU, six
 * forms in Arabic), and a refused form field named by its label ("Name: fill this in.").
 */
@TemplateExtension
public class CohortWords {

    static String traineeCount(CohortService.CohortRow cohort, @TemplateAttribute("locale") Object locale) {
        Locale reader = reader(locale);
        long count = cohort.trainees();
        return messages(reader).cohort_trainee_count(PluralRules.forLocale(ULocale.forLocale(reader)).select(count),
                ReaderFormats.number(count, reader));
    }

    static String words(CohortRefusal.Field refused, @TemplateAttribute("locale") Object locale) {
        TrainingMessages m = messages(reader(locale));
        String label = switch (refused.field()) {
            case "name" -> m.cohort_name();
            case "course" -> m.cohort_course();
            case "institution" -> m.cohort_institution();
            case "startsOn" -> m.cohort_starts();
            case "endsOn" -> m.cohort_ends();
            case "heldOn" -> m.session_date();
            case "topic" -> m.session_topic();
            default -> refused.field();
        };
        String reason = switch (refused.reason()) {
            case MISSING -> m.cohort_refused_missing();
            case TOO_LONG -> m.cohort_refused_too_long(ReaderFormats.number(refused.limit(), reader(locale)));
            case NOT_A_DATE -> m.cohort_refused_not_a_date();
            case NO_SUCH_COURSE -> m.cohort_refused_no_such_course();
            case ENDS_BEFORE_START -> m.cohort_refused_ends_before_start();
        };
        return m.cohort_field_refused(label, reason);
    }

    private static Locale reader(Object locale) {
        return ReaderMessages.reader(locale);
    }

    private static TrainingMessages messages(Locale reader) {
        return ReaderMessages.of(reader);
    }
}

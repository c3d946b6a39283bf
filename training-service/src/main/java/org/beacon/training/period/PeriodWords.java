package org.beacon.training.period;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import org.beacon.training.i18n.ReaderMessages;
import org.beacon.training.i18n.TrainingMessages;

/** A refused period filter field named by its label, in the reader's language ("Du : indiquez une date…"). */
@TemplateExtension
public class PeriodWords {

    static String words(PeriodFilter.Refused refused, @TemplateAttribute("locale") Object locale) {
        TrainingMessages m = ReaderMessages.of(ReaderMessages.reader(locale));
        String label = refused.field().equals("from") ? m.period_from() : m.period_to();
        String reason = switch (refused.problem()) {
            case NOT_A_DATE -> m.cohort_refused_not_a_date();
            case ENDS_BEFORE_START -> m.period_refused_backwards();
        };
        return m.cohort_field_refused(label, reason);
    }
}

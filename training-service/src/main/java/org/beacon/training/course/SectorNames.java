package org.beacon.training.course;

import java.util.Collection;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.util.ULocale;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import org.beacon.training.i18n.ReaderMessages;

/**
 * Course sectors by their names in the reader's language ("Inspection du travail" for {@code labour-inspection});
 * the codes of {@link Course#SECTORS} stay what addresses, filters, the API and content files carry.
 */
@TemplateExtension
public class SectorNames {

    private static final String BUNDLE = "i18n.sectors";

    /** {@code {s.sectorName}}: one sector's name; a code this version does not know is shown as it is. */
    static String sectorName(String code, @TemplateAttribute("locale") Object locale) {
        return name(code, ReaderMessages.reader(locale));
    }

    /** {@code {course.sectors.sectorNames}}: a course's sectors as a list in the reader's language. */
    static String sectorNames(Collection<String> codes, @TemplateAttribute("locale") Object locale) {
        Locale reader = ReaderMessages.reader(locale);
        return ListFormatter.getInstance(ULocale.forLocale(reader))
                .format(codes.stream().map(code -> name(code, reader)).toList());
    }

    static String name(String code, Locale reader) {
        ResourceBundle names = ResourceBundle.getBundle(BUNDLE, reader,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try {
            return names.getString(code);
        } catch (MissingResourceException unknown) {
            return code;
        }
    }
}

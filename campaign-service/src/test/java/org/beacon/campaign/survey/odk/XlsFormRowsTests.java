package org.beacon.campaign.survey.odk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.beacon.campaign.survey.odk.XlsFormRows.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class XlsFormRowsTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "label::English (en)|en|English (en)",
            "label::en|en|English (en)",
            "label:English (en)|en|English (en)",
            "label:English|en|English (en)",
            "Label::Français|fr|Français (fr)",
            "label::Español (es)|es|Español (es)",
            "label:Português|pt|Português (pt)",
            "label::العربية|ar|العربية (ar)",
            "label::Kiswahili|sw|Kiswahili (sw)",
            "label:Pulaar|ff|Pulaar (ff)",
            "label::Dari|prs|Dari (prs)",
            "label::pt-BR|pt-BR|Portuguese (pt-BR)"})
    void headerVariantsNameTheirLanguage(String header, String tag, String displayName) {
        XlsFormRows rows = TestForms.rows("survey", "type,name," + header + "\ntext,q,Hello");

        assertEquals(List.of(new Language(tag, displayName)), rows.languages());
        assertEquals("Hello", rows.survey().get(0).get("label::" + tag));
    }

    @Test
    void plainColumnsSpeakTheDefaultLanguageOfTheSettings() {
        XlsFormRows rows = TestForms.rows(
                "survey", "type,name,label,label::English (en)\ntext,q,Bonjour,Hello",
                "settings", "form_id,default_language\nf,Français (fr)");

        assertEquals("Bonjour", rows.survey().get(0).get("label::fr"));
        assertEquals("fr", rows.defaultLanguage());
    }

    @Test
    void sheetAndColumnNamesAreCaseInsensitive() {
        XlsFormRows rows = TestForms.rows("SURVEY", "TYPE,Name,LABEL::English (en),Required\ntext,q,Hello,yes",
                "Choices", "List_Name,NAME,Label::English (en)\nyn,yes,Yes");

        assertEquals("text", rows.survey().get(0).get("type"));
        assertEquals("yes", rows.survey().get(0).get("required"));
        assertEquals("yn", rows.choices().get(0).get("list_name"));
    }

    @Test
    void rowsKeepTheirSpreadsheetNumberAndBlankRowsAreSkipped() {
        XlsFormRows rows = TestForms.rows("survey", "type,name,label\ntext,a,A\n,,\ntext,b,B");

        assertEquals(List.of(2, 4), rows.survey().stream().map(XlsFormRows.Row::number).toList());
    }

    @Test
    void twoColumnsForTheSameLanguageAreRefusedNamingBoth() {
        XlsFormRefused refused = assertThrows(XlsFormRefused.class, () -> TestForms.rows("survey",
                "type,name,label::English (en),label:English\ntext,q,Hello,Hi"));

        FormProblem problem = refused.problems().get(0);
        assertEquals("survey", problem.sheet());
        assertEquals(1, problem.row());
        assertEquals("label:English", problem.column());
        assertTrue(problem.message().contains("C ('label::English (en)')"), problem.message());
        assertTrue(problem.message().contains("D ('label:English')"), problem.message());
    }

    @Test
    void theSameHeaderTwiceIsRefused() {
        XlsFormRefused refused = assertThrows(XlsFormRefused.class,
                () -> TestForms.rows("survey", "type,name,required,required\ntext,q,yes,no"));

        assertTrue(refused.problems().get(0).message().contains("C ('required') and D ('required')"));
    }

    @Test
    void aLanguageNamedInWordsOnlyThatIsNotInTheTableIsRefusedNamingTheColumn() {
        XlsFormRefused refused = assertThrows(XlsFormRefused.class,
                () -> TestForms.rows("survey", "type,name,label::Klingon\ntext,q,nuqneH"));

        FormProblem problem = refused.problems().get(0);
        assertEquals("label::Klingon", problem.column());
        assertTrue(problem.message().contains("unknown language 'Klingon'"), problem.message());
    }
}

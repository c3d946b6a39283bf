package org.beacon.campaign.survey.odk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.beacon.commons.web.Reason;

class XlsFormConverterTests {

    @ParameterizedTest
    @ValueSource(strings = {"know-the-signs", "safe-journeys"})
    void theShippedSurveysConvertAndLoadInJavaRosa(String campaign) throws Exception {
        ConvertedForm form = XlsFormConverter.convert(TestForms.shipped(campaign));
        FormSession session = FormEngine.load(form.xml()).start();

        Document xml = parse(form.xml());
        assertEquals(form.formId(), xpath(xml, "/*/*[local-name()='head']/*[local-name()='model']/*[local-name()='instance']/*/@id"));
        assertEquals(List.of("English (en)", "Français (fr)", "Español (es)", "Português (pt)", "العربية (ar)"),
                values(xml, "//*[local-name()='translation']/@lang"));
        assertTrue(session.questions().contains("/data/age_band"));
        // every required question left empty is reported, none other
        long required = TestForms.shipped(campaign).survey().stream().filter(r -> r.get("required").equals("yes")).count();
        assertEquals(required, session.violations("fr").size());
    }

    @Test
    void theKnowTheSignsSurveyIsAnsweredInJavaRosaInFrench() {
        FormSession session = FormEngine.load(XlsFormConverter.convert(TestForms.shipped("know-the-signs")).xml()).start();

        session.answer("/data/age_band", "age_18_24");
        assertEquals("Quel âge avez-vous ?", session.label("/data/age_band", "fr"));
        assertTrue(session.violations("fr").stream().anyMatch(v -> v.path().equals("/data/gender")
                && v.message().equals("Désolé, cette réponse est obligatoire.")));
    }

    @Test
    void theRootCarriesIdAndVersionAndTheOnlyMetadataIsTheInstanceId() throws Exception {
        ConvertedForm form = TestForms.convert(
                "survey", """
                        type,name,label
                        start,started,
                        deviceid,device,
                        text,q,Q
                        """,
                "settings", "form_title,form_id,version\nTitle,my_form,2027010101");

        Document xml = parse(form.xml());
        assertEquals("2027010101", xpath(xml, "//*[local-name()='instance']/*[local-name()='data']/@version"));
        assertEquals(List.of("q", "meta"), childNames(xml));
        assertEquals(List.of("instanceID"), metaNames(xml));
        assertEquals("uid", xpath(xml, "//*[local-name()='bind'][@nodeset='/data/meta/instanceID']/@*[local-name()='preload']"));
        assertEquals(List.of("survey row 2: 'start' (started) is not collected in anonymous surveys",
                "survey row 3: 'deviceid' (device) is not collected in anonymous surveys"), english(form.notices()));
    }

    @Test
    void bindsCarryRequiredRelevantConstraintCalculateAndReadonlyWithTranslatedMessages() throws Exception {
        ConvertedForm form = TestForms.convert("survey", """
                type,name,label::English (en),label::Français (fr),required,required_message::English (en),relevant,constraint,constraint_message::Français (fr),calculation,read_only
                integer,age,Age,Âge,yes,Please answer,,. < 120,Trop grand,,
                text,why,Why,Pourquoi,,,${age} > 18,,,,yes
                calculate,double,,,,,,,,${age} * 2,
                """);

        Document xml = parse(form.xml());
        String age = "//*[local-name()='bind'][@nodeset='/data/age']";
        assertEquals("int", xpath(xml, age + "/@type"));
        assertEquals("true()", xpath(xml, age + "/@required"));
        assertEquals("jr:itext('/data/age:jr:requiredMsg')", xpath(xml, age + "/@*[local-name()='requiredMsg']"));
        assertEquals(". < 120", xpath(xml, age + "/@constraint"));
        assertEquals(" /data/age  > 18", xpath(xml, "//*[local-name()='bind'][@nodeset='/data/why']/@relevant"));
        assertEquals("true()", xpath(xml, "//*[local-name()='bind'][@nodeset='/data/why']/@readonly"));
        assertEquals(" /data/age  * 2", xpath(xml, "//*[local-name()='bind'][@nodeset='/data/double']/@calculate"));
        assertEquals("Trop grand", xpath(xml, "//*[local-name()='translation'][@lang='Français (fr)']"
                + "/*[@id='/data/age:jr:constraintMsg']/*"));
    }

    @Test
    void timeAndEverySpellingOfDateTimeBecomeTheirXFormTypes() throws Exception {
        ConvertedForm form = TestForms.convert("survey", """
                type,name,label
                time,left_at,When did you leave?
                dateTime,crossed_at,When did you cross?
                datetime,arrived_at,When did you arrive?
                date time,stopped_at,When were you stopped?
                """);

        Document xml = parse(form.xml());
        assertEquals("time", xpath(xml, "//*[local-name()='bind'][@nodeset='/data/left_at']/@type"));
        for (String name : List.of("crossed_at", "arrived_at", "stopped_at")) {
            assertEquals("dateTime", xpath(xml, "//*[local-name()='bind'][@nodeset='/data/" + name + "']/@type"));
            assertEquals("/data/" + name, xpath(xml, "//*[local-name()='input'][@ref='/data/" + name + "']/@ref"));
        }
    }

    @Test
    void groupsNestNamesIntoPathsAndTheSameNameMayBeUsedInTwoGroups() throws Exception {
        ConvertedForm form = TestForms.convert("survey", """
                type,name,label,appearance
                begin group,home,At home,field-list
                integer,people,How many people?,
                end group,,,
                begin_group,work,At work,
                integer,people,How many people?,
                end_group,,,
                """);

        Document xml = parse(form.xml());
        assertEquals("field-list", xpath(xml, "//*[local-name()='group'][@ref='/data/home']/@appearance"));
        assertEquals("/data/home/people", xpath(xml, "//*[local-name()='group'][@ref='/data/home']/*[local-name()='input']/@ref"));
        assertEquals("/data/work/people", xpath(xml, "//*[local-name()='group'][@ref='/data/work']/*[local-name()='input']/@ref"));
    }

    @Test
    void aReferenceToANameTwoGroupsUseIsRefusedAsAmbiguous() {
        XlsFormRefused refused = assertThrows(XlsFormRefused.class, () -> TestForms.convert("survey", """
                type,name,label,relevant
                begin group,home,At home,
                integer,people,How many?,
                end group,,,
                begin group,work,At work,
                integer,people,How many?,
                end group,,,
                text,why,Why?,${people} > 1
                """));

        assertProblem(refused, 8, "relevant", "relevant", "${people} is ambiguous");
    }

    @Test
    void aRangeTakesItsParametersAndAnAcknowledgeIsATrigger() throws Exception {
        ConvertedForm form = TestForms.convert("survey", """
                type,name,label,parameters
                range,score,Score,start=0 end=10 step=2
                range,share,Share,start=0;end=1;step=0.1
                acknowledge,ok,I understand,
                """);

        Document xml = parse(form.xml());
        assertEquals("0 10 2", xpath(xml, "//*[local-name()='range'][@ref='/data/score']/@start") + " "
                + xpath(xml, "//*[local-name()='range'][@ref='/data/score']/@end") + " "
                + xpath(xml, "//*[local-name()='range'][@ref='/data/score']/@step"));
        assertEquals("int", xpath(xml, "//*[local-name()='bind'][@nodeset='/data/score']/@type"));
        assertEquals("decimal", xpath(xml, "//*[local-name()='bind'][@nodeset='/data/share']/@type"));
        assertEquals("/data/ok", xpath(xml, "//*[local-name()='trigger']/@ref"));
    }

    @Test
    void aChoiceFilterReadsItsChoicesFromASecondaryInstance() throws Exception {
        ConvertedForm form = TestForms.convert(
                "survey", "type,name,label,choice_filter\nselect_one region,region,Region,\nselect_one town,town,Town,region=${region}",
                "choices", "list_name,name,label,region\nregion,north,North,\nregion,south,South,\ntown,n1,N1,north\ntown,s1,S1,south");

        Document xml = parse(form.xml());
        assertEquals("instance('town')/root/item[region= /data/region ]", xpath(xml, "//*[local-name()='itemset']/@nodeset"));
        assertEquals(List.of("north", "south"), values(xml, "//*[local-name()='instance'][@id='town']//*[local-name()='region']"));
    }

    @Test
    void unknownColumnsAndInstanceNameAreReportedAsIgnored() {
        ConvertedForm form = TestForms.convert("survey", "type,name,label,comment\ntext,q,Q,for us",
                "settings", "form_id,instance_name\nf,concat(${q})");

        List<String> notices = english(form.notices());
        assertTrue(notices.contains("settings: instance_name is ignored: Beacon names responses itself"), notices.toString());
        assertTrue(notices.contains("survey: column 'comment' is ignored"), notices.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "begin repeat|repeat",
            "begin_repeat|repeat",
            "geopoint|location (geopoint)",
            "geotrace|location (geotrace)",
            "geoshape|location (geoshape)",
            "image|media capture (image)",
            "audio|media capture (audio)",
            "video|media capture (video)",
            "file|file upload",
            "barcode|barcode",
            "rank colours|rank",
            "select_one_from_file towns.csv|external choices (select_one_from_file)",
            "select_multiple_from_file towns.csv|external choices (select_multiple_from_file)",
            "select_one_external towns|external choices (select_one_external)",
            "xml-external towns|external data (xml-external)",
            "csv-external towns|external choices (csv-external)"})
    void anUnsupportedTypeIsRefusedWithSheetRowColumnAndFeature(String type, String feature) {
        XlsFormRefused refused = assertThrows(XlsFormRefused.class,
                () -> TestForms.convert("survey", "type,name,label\ntext,first,First\n" + type + ",q,Q"));

        assertProblem(refused, 3, "type", feature, feature + " is not supported in Beacon surveys");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "repeat_count|3|repeat",
            "media::image|picture.png|media",
            "image::English (en)|picture.png|media",
            "bind::odk:length|5|custom XForm attributes",
            "body::accuracyThreshold|5|location (geopoint)"})
    void anUnsupportedColumnIsRefusedWithSheetRowColumnAndFeature(String column, String value, String feature) {
        XlsFormRefused refused = assertThrows(XlsFormRefused.class,
                () -> TestForms.convert("survey", "type,name,label," + column + "\ntext,first,First,\ntext,q,Q," + value));

        assertProblem(refused, 3, column, feature, "is not supported in Beacon surveys");
    }

    @Test
    void aTriggerOnACalculationOnlyRecomputesItAndATriggerWithoutOneIsRefused() {
        FormSession session = TestForms.session("survey",
                "type,name,label,calculation,trigger\ninteger,age,Age,,\ncalculate,months,,${age} * 12,${age}");
        session.answer("/data/age", "3");
        assertEquals("36", session.value("/data/months"));

        XlsFormRefused refused = assertThrows(XlsFormRefused.class,
                () -> TestForms.convert("survey", "type,name,label,trigger\ntext,first,First,\ntext,q,Q,${first}"));
        assertProblem(refused, 3, "trigger", "trigger", "only supported on a row with a calculation");
        XlsFormRefused unknown = assertThrows(XlsFormRefused.class, () -> TestForms.convert("survey",
                "type,name,label,calculation,trigger\ninteger,age,Age,,\ncalculate,months,,${age} * 12,${agee}"));
        assertProblem(unknown, 3, "trigger", "trigger", "${agee} names no question");
    }

    @Test
    void aSelectWhoseSecondWordIsNeitherOneNorMultipleIsRefusedNamingTheType() {
        XlsFormRefused refused = assertThrows(XlsFormRefused.class, () -> TestForms.convert(
                "survey", "type,name,label\nselect_many colours,q,Q", "choices", "list_name,name,label\ncolours,red,Red"));

        assertProblem(refused, 2, "type", "select", "the type 'select_many colours' is not supported");
    }

    @Test
    void aReferenceToAnUnknownNameIsRefusedWithRowAndName() {
        XlsFormRefused refused = assertThrows(XlsFormRefused.class,
                () -> TestForms.convert("survey", "type,name,label,relevant\ntext,a,A,\ntext,b,B,${ag} > 3"));

        assertProblem(refused, 3, "relevant", "relevant", "${ag} names no question of this form");
    }

    @Test
    void aLabelReferenceToAnUnknownNameIsRefusedToo() {
        XlsFormRefused refused = assertThrows(XlsFormRefused.class,
                () -> TestForms.convert("survey", "type,name,label::English (en)\ntext,a,Hello ${nobody}"));

        assertProblem(refused, 2, "label::English (en)", "label::en", "${nobody} names no question of this form");
    }

    @Test
    void anUnknownFunctionIsRefusedWithRowAndName() {
        XlsFormRefused refused = assertThrows(XlsFormRefused.class,
                () -> TestForms.convert("survey", "type,name,label,constraint\ntext,a,A,\ntext,b,B,\"pulldata('x', .) > 3\""));

        assertProblem(refused, 3, "constraint", "constraint", "unknown function pulldata()");
    }

    @Test
    void aFunctionThatReadsTheDeviceIsRefused() {
        XlsFormRefused refused = assertThrows(XlsFormRefused.class,
                () -> TestForms.convert("survey", "type,name,label,calculation\ncalculate,who,,property('deviceid')"));

        assertProblem(refused, 2, "calculation", "calculation", "property() is not supported");
    }

    @Test
    void aMalformedExpressionIsRefused() {
        XlsFormRefused refused = assertThrows(XlsFormRefused.class,
                () -> TestForms.convert("survey", "type,name,label,relevant\ntext,a,A,\ntext,b,B,${a} >"));

        assertProblem(refused, 3, "relevant", "relevant", "is not a valid expression");
    }

    @Test
    void aMissingChoiceListAndADuplicateChoiceAreRefused() {
        XlsFormRefused refused = assertThrows(XlsFormRefused.class, () -> TestForms.convert(
                "survey", "type,name,label\nselect_one colours,q,Q\nselect_one sizes,s,S",
                "choices", "list_name,name,label\ncolours,red,Red\ncolours,red,Rouge"));

        assertEquals("choices", refused.problems().get(0).sheet());
        assertEquals(3, refused.problems().get(0).row());
        assertTrue(refused.problems().get(0).message().contains("already in list 'colours' (row 2)"));
        assertProblem(refused, 3, "type", "select_one", "the choice list 'sizes' is not on the choices sheet");
    }

    @Test
    void aCalculationThatDependsOnItselfIsRefusedOnItsRowByJavaRosa() {
        XlsFormRefused refused = assertThrows(XlsFormRefused.class, () -> TestForms.convert("survey", """
                type,name,label,calculation
                text,q,Q,
                calculate,a,,${b} + 1
                calculate,b,,${a} + 1
                """));

        assertTrue(refused.problems().stream().anyMatch(p -> p.row() == 3 || p.row() == 4), refused.getMessage());
        assertTrue(refused.getMessage().contains("ODK's engine cannot run this form"), refused.getMessage());
    }

    @Test
    void everyProblemOfAFormIsReportedAtOnce() {
        XlsFormRefused refused = assertThrows(XlsFormRefused.class,
                () -> TestForms.convert("survey", "type,name,label\ngeopoint,where,Where\nbarcode,code,Code\ntext,ok,OK"));

        assertEquals(List.of(2, 3), refused.problems().stream().map(FormProblem::row).toList());
    }

    private static void assertProblem(XlsFormRefused refused, int row, String column, String feature, String message) {
        assertTrue(refused.problems().stream().anyMatch(p -> p.sheet().equals("survey") && p.row() == row
                && column.equals(p.column()) && feature.equals(p.feature()) && p.message().contains(message)),
                () -> "expected survey row " + row + ", column " + column + ", feature " + feature + ", '" + message
                        + "' among " + refused.problems());
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static String xpath(Document xml, String expression) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(expression, xml);
    }

    private static List<String> values(Document xml, String expression) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        NodeList nodes = (NodeList) xpath.evaluate(expression, xml, XPathConstants.NODESET);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent());
        }
        return values;
    }

    private static List<String> childNames(Document xml) throws Exception {
        return names(xml, "//*[local-name()='instance']/*[local-name()='data']/*");
    }

    private static List<String> metaNames(Document xml) throws Exception {
        return names(xml, "//*[local-name()='meta']/*");
    }

    private static List<String> names(Document xml, String expression) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(expression, xml, XPathConstants.NODESET);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            names.add(nodes.item(i).getLocalName());
        }
        return names;
    }

    private static List<String> english(List<Reason> notices) {
        return notices.stream().map(Reason::english).toList();
    }
}

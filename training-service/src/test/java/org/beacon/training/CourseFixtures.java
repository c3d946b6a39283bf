package org.beacon.training;

import static io.restassured.RestAssured.given;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.restassured.path.json.JsonPath;
import org.beacon.testing.TestTokens;

/**
 * A small course in the content/ format (course.yaml, lessons, GIFT banks, media) and the steps every test goes
 * through to use it: the same import API and review workflow that real content uses.
 */
public final class CourseFixtures {

    public static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    public static final String BANK_EN = """
            // Question bank of the test course (en)

            // source: (002 L17)
            // legal: UN Trafficking Protocol, Art. 3(a)
            ::t-q01:: For an adult victim, which elements must be proven? {
              =Act, means and purpose #Right: all three elements.
              ~Act and purpose only #No: that is the rule for children.
              ~%50%Act and means #Partly: the purpose is needed too.
            }

            // source: (002 L50)
            // legal: UN Trafficking Protocol, Art. 3
            ::t-q02:: Trafficking always involves crossing a border. {F#Wrong: trafficking can be domestic.#Right: trafficking can happen within one country.}

            // legal: UN Smuggling Protocol, Art. 5
            ::t-q03:: Which article of the Smuggling Protocol protects migrants from prosecution? Give the number. {
              =5 #Right: Article 5.
              =Article 5 #Right: Article 5.
            }

            // legal: UN Trafficking Protocol, Art. 3(a)
            ::t-q04:: Which of these are means under Article 3(a)? {
              ~%50%Deception #Yes.
              ~%50%Abuse of a position of vulnerability #Yes.
              ~%-100%Crossing a border #No.
            }
            """;

    public static final String BANK_FR = """
            ::t-q01:: Pour une victime adulte, quels éléments faut-il prouver ? {
              =L'acte, les moyens et la finalité #Exact : les trois éléments.
              ~L'acte et la finalité seulement #Non : c'est la règle pour les enfants.
              ~%50%L'acte et les moyens #En partie : la finalité est nécessaire aussi.
            }

            ::t-q02:: La traite suppose toujours le franchissement d'une frontière. {F#Faux : la traite peut être interne.#Exact : la traite peut avoir lieu dans un seul pays.}

            ::t-q03:: Quel article du Protocole relatif au trafic illicite protège les migrants des poursuites ? Donnez le numéro. {
              =5 #Exact : l'article 5.
              =article 5 #Exact : l'article 5.
            }
            """;

    private CourseFixtures() {
    }

    public static String admin() {
        return TestTokens.token("ada", "platform", "admin");
    }

    public static String author(String name) {
        return TestTokens.token(name, "police-academy", "author");
    }

    public static String trainee(String name) {
        return TestTokens.token(name, "police-academy", "trainee");
    }

    public static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The files of a course folder, as content/ holds them. */
    public static Map<String, byte[]> courseFiles(String slug) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("course.yaml", ("""
                slug: %s
                sectors: [police, border]
                country: SN
                defaultLanguage: en
                languages: [en, fr]
                passMark: 75
                title:
                  en: "Test course %s"
                  fr: "Cours d'essai %s"
                summary:
                  en: "What first responders must know."
                  fr: "Ce que les premiers intervenants doivent savoir."
                modules:
                  - slug: m1
                    title: {en: "Module one", fr: "Module un"}
                    lessons:
                      - slug: l1
                        title: {en: "Lesson one", fr: "Leçon un"}
                      - slug: l2
                        title: {en: "Lesson two"}
                    check: [t-q02]
                  - slug: m2
                    title: {en: "Module two", fr: "Module deux"}
                    lessons:
                      - slug: l3
                        title: {en: "Lesson three", fr: "Leçon trois"}
                    check: [t-q03]
                pretest: [t-q01, t-q02]
                posttest: [t-q01, t-q02, t-q03, t-q04]
                glossary:
                  - term: confiage
                    explanation: {en: "Entrusting a child to relatives.", fr: "Confier un enfant à la famille élargie."}
                    sources: ["(000 L8809)"]
                """).formatted(slug, slug, slug).getBytes(StandardCharsets.UTF_8));
        files.put("lessons/m1/l1.en.md", "# Lesson one\n\nThe three elements: **act**, means and purpose. (002 L17)\n"
                .getBytes(StandardCharsets.UTF_8));
        files.put("lessons/m1/l1.fr.md", "# Leçon un\n\nLes trois éléments : **l'acte**, les moyens et la finalité. (002 L17)\n"
                .getBytes(StandardCharsets.UTF_8));
        files.put("lessons/m1/l2.en.md", """
                # Lesson two

                Read the [handout (PDF)](../../media/handout.pdf) before the workshop. (002 L19)

                <script>alert('xss')</script>

                [Click me](javascript:alert(1)) and <img src=x onerror="alert(2)">
                """.getBytes(StandardCharsets.UTF_8));
        files.put("lessons/m2/l3.en.md", "# Lesson three\n\nSmuggled migrants are not criminals for being smuggled. (002 L36)\n"
                .getBytes(StandardCharsets.UTF_8));
        files.put("lessons/m2/l3.fr.md", "# Leçon trois\n\nLes migrants objets d'un trafic ne sont pas poursuivis pour ce fait. (002 L36)\n"
                .getBytes(StandardCharsets.UTF_8));
        files.put("questions/bank.en.gift", BANK_EN.getBytes(StandardCharsets.UTF_8));
        files.put("questions/bank.fr.gift", BANK_FR.getBytes(StandardCharsets.UTF_8));
        files.put("media/handout.pdf", PDF);
        return files;
    }

    /** Zips files inside one top folder, as zipping a content/courses/&lt;slug&gt; folder does. */
    public static byte[] zip(String folder, Map<String, byte[]> files) {
        return zip(folder, files, StandardCharsets.UTF_8);
    }

    /** As {@link #zip(String, Map)}, with the entry names in {@code names} (old tools write ISO-8859-1). */
    public static byte[] zip(String folder, Map<String, byte[]> files, java.nio.charset.Charset names) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ZipOutputStream zip = new ZipOutputStream(bytes, names)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(folder + "/" + file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonPath importCourse(byte[] zip, int expectedStatus) {
        return given().auth().oauth2(admin()).contentType("application/zip").body(zip)
                .when().post("/training/api/import/courses")
                .then().statusCode(expectedStatus).extract().jsonPath();
    }

    /** Submits a version as the importing admin and approves it as another author. */
    public static void publish(long versionId) {
        given().auth().oauth2(admin()).when().post("/training/api/authoring/versions/" + versionId + "/submit")
                .then().statusCode(200);
        given().auth().oauth2(author("rita")).when().post("/training/api/authoring/versions/" + versionId + "/approve")
                .then().statusCode(200);
    }

    /** A new course made through the authoring API by the author bob; returns its first version's id. */
    public static long newCourse(String slug, String sector, List<String> languages, String title) {
        return given().auth().oauth2(author("bob")).contentType("application/json")
                .body(Map.of("slug", slug, "sectors", List.of(sector), "defaultLanguage", "en",
                        "languages", languages, "title", Map.of("en", title)))
                .when().post("/training/api/authoring/courses").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Imports and publishes the test course; returns the published version's id. */
    public static long publishedCourse(String slug) {
        long versionId = importCourse(zip(slug, courseFiles(slug)), 201).getLong("versionId");
        publish(versionId);
        return versionId;
    }
}

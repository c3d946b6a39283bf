package org.beacon.devstack.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * ODK's own XForms engine (@getodk/xforms-engine, the engine of ODK Web Forms) running in a Chromium page, as the
 * judge of the XForms Beacon serves. The engine comes from devstack/odk (installed by {@code npm ci}, see .ci/run)
 * and is bundled by this class on first use with that folder's build.mjs: no built file is committed. The page is
 * served from 127.0.0.1 (a secure context, which the engine's uid preload needs); the test fetches forms and posts
 * submissions itself, so the page needs no cross-origin access to the gateway.
 */
public final class OdkEngine implements AutoCloseable {

    private static Path bundle;

    private final HttpServer server;
    private final Browser browser;
    private final JavascriptExecutor page;

    public OdkEngine() {
        Path script = bundle();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            boolean isScript = exchange.getRequestURI().getPath().equals("/beacon-odk.js");
            byte[] body = isScript ? Files.readAllBytes(script)
                    : "<!doctype html><html><head><meta charset=utf-8><script type=module src=/beacon-odk.js></script>"
                            .concat("</head><body></body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type",
                    isScript ? "text/javascript; charset=utf-8" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String origin = "http://127.0.0.1:" + server.getAddress().getPort();
        browser = new Browser(origin);
        page = (JavascriptExecutor) browser.driver;
        // Loading a form parses it and compiles its expressions: seconds on a loaded machine, not the default 30 s.
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        browser.open("/");
        // The module starts with top-level awaits (its XPath parser is WebAssembly): wait until it has published
        // itself rather than for a fixed time.
        new WebDriverWait(browser.driver, Duration.ofSeconds(60))
                .until(driver -> Boolean.TRUE.equals(page.executeScript("return !!window.BeaconOdk")));
    }

    /** Loads an XForm's text and starts a filled form in the language with this code (as Collect would). */
    public void open(String xform, String languageCode) {
        call("window.form = await BeaconOdk.open(arguments[0], arguments[1]); return null;", xform, languageCode);
    }

    /** Reference of every question by its form field (its path below the instance root), in form order. */
    @SuppressWarnings("unchecked")
    public Map<String, String> questions() {
        List<List<String>> found = (List<List<String>>) call("return BeaconOdk.questions(window.form);");
        // keyed like Beacon's form fields and answer columns: the path below the instance root ("attitudes/l_only_way")
        Map<String, String> byField = new java.util.LinkedHashMap<>();
        found.forEach(entry -> byField.put(entry.get(0).substring(entry.get(0).indexOf('/', 1) + 1), entry.get(0)));
        return byField;
    }

    /** A select's choices, or a typed answer. */
    public void answer(String reference, Object value) {
        call("BeaconOdk.answer(window.form, arguments[0], arguments[1]); return null;", reference, value);
    }

    /** label, relevant, value and violation ({condition, message}) of a question as the engine has it now. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> question(String reference) {
        return (Map<String, Object>) call("return BeaconOdk.question(window.form, arguments[0]);", reference);
    }

    /** The rules the engine says the filled form breaks, as [reference, condition, message]. */
    @SuppressWarnings("unchecked")
    public List<List<String>> violations() {
        return (List<List<String>>) call("return BeaconOdk.violations(window.form);");
    }

    /** The engine's submission: status ("ready" or "pending"), xml and instanceID. */
    @SuppressWarnings("unchecked")
    public Map<String, String> submission() {
        return (Map<String, String>) call("return await BeaconOdk.submission(window.form);");
    }

    /** Runs an async body in the page; an engine error fails the test with the engine's own message. */
    private Object call(String body, Object... arguments) {
        Object outcome = page.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "(async function () {" + body + "}).apply(null, Array.from(arguments).slice(0, -1))"
                + ".then(value => done({value}), error => done({error: String(error && error.stack || error)}));",
                arguments);
        Map<?, ?> result = (Map<?, ?>) outcome;
        if (result.containsKey("error")) {
            throw new AssertionError("the ODK engine failed: " + result.get("error"));
        }
        return result.get("value");
    }

    /** devstack/odk's bundle, built once per test JVM from the packages `npm ci` installed. */
    static synchronized Path bundle() {
        if (bundle != null) {
            return bundle;
        }
        Path repository = Path.of(System.getProperty("beacon.repository", "..")).toAbsolutePath().normalize();
        Path odk = repository.resolve("devstack/odk");
        if (!Files.isDirectory(odk.resolve("node_modules/@getodk/xforms-engine"))) {
            throw new IllegalStateException("ODK's engine is not installed: run `npm ci` in " + odk
                    + " (.ci/run does)");
        }
        Path output = repository.resolve("devstack/target/odk/beacon-odk.js");
        try {
            Process build = new ProcessBuilder("node", "build.mjs", output.toString()).directory(odk.toFile())
                    .redirectErrorStream(true).start();
            String log = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!build.waitFor(5, TimeUnit.MINUTES) || build.exitValue() != 0 || !Files.isRegularFile(output)) {
                throw new IllegalStateException("bundling ODK's engine failed: " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        bundle = output;
        return bundle;
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            server.stop(0);
        }
    }
}

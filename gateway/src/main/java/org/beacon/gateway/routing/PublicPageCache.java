package org.beacon.gateway.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import org.beacon.gateway.GatewayConfig;

/**
 * Keeps the public pages anonymous visitors ask for, as a shared HTTP cache would (RFC 9111): only what a service
 * marks {@code Cache-Control: public} with a max-age, for at most {@code beacon.gateway.public-cache.max-seconds}.
 * A campaign page read by thousands after a radio spot then costs the service one render per language every few
 * seconds instead of one per reader. Never kept: anything for a signed-in user, anything but a 200 HTML page, a
 * response that sets a cookie or says no-store or private (the survey forms, whose hidden idempotency key must be
 * new on every view). The key is the address and the language the gateway resolved, which is all a public page
 * varies by.
 */
@ApplicationScoped
public class PublicPageCache {

    private static final Pattern MAX_AGE = Pattern.compile("(?:^|,)\\s*(?:s-maxage|max-age)\\s*=\\s*(\\d+)");

    record Page(int status, List<Map.Entry<String, String>> headers, Buffer body, long storedAt, long expiresAt) {
    }

    private final int maxSeconds;
    private final int maxEntries;
    private final int maxPageBytes;
    private final Map<String, Page> pages;

    PublicPageCache(GatewayConfig config) {
        maxSeconds = config.publicCache().maxSeconds();
        maxEntries = config.publicCache().maxEntries();
        maxPageBytes = config.publicCache().maxPageBytes();
        pages = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Page> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The key of a request that may be answered from the cache, or null when it may not. */
    String keyOf(HttpServerRequest request, boolean signedIn, String language) {
        if (maxSeconds <= 0 || signedIn || request.method() != HttpMethod.GET
                || !(request.path().startsWith("/campaigns/public/") || request.path().startsWith("/training/public/"))
                || request.headers().contains(HttpHeaders.AUTHORIZATION)) {
            return null;
        }
        return language + " " + request.uri();
    }

    /** Answers from the cache when it holds a fresh copy; false when the request must go to the service. */
    boolean answer(String key, HttpServerResponse response) {
        Page page;
        synchronized (pages) {
            page = pages.get(key);
        }
        long now = System.nanoTime();
        if (page == null || now - page.expiresAt() > 0) {
            return false;
        }
        response.setStatusCode(page.status());
        page.headers().forEach(header -> response.headers().add(header.getKey(), header.getValue()));
        response.headers().set("Age", String.valueOf((now - page.storedAt()) / 1_000_000_000L));
        response.end(page.body());
        return true;
    }

    /** Whether a service's answer may be kept, judged from its status and headers before its body is read. */
    boolean admits(int status, MultiMap headers) {
        String cacheControl = String.join(",", headers.getAll(HttpHeaders.CACHE_CONTROL)).toLowerCase();
        String type = headers.get(HttpHeaders.CONTENT_TYPE);
        String length = headers.get(HttpHeaders.CONTENT_LENGTH);
        return status == 200 && maxAge(cacheControl) > 0 && cacheControl.contains("public")
                && !cacheControl.contains("no-store") && !cacheControl.contains("private")
                && !cacheControl.contains("no-cache") && !headers.contains(HttpHeaders.SET_COOKIE)
                && type != null && type.startsWith("text/html")
                && (length == null || Long.parseLong(length.trim()) <= maxPageBytes);
    }

    /** Keeps a page the service allowed to be kept, for the shorter of its max-age and the gateway's limit. */
    void keep(String key, int status, MultiMap upstreamHeaders, MultiMap relayedHeaders, Buffer body) {
        if (body.length() > maxPageBytes) {
            return;
        }
        String cacheControl = String.join(",", upstreamHeaders.getAll(HttpHeaders.CACHE_CONTROL)).toLowerCase();
        long seconds = Math.min(maxAge(cacheControl), maxSeconds);
        long now = System.nanoTime();
        List<Map.Entry<String, String>> headers = new ArrayList<>(relayedHeaders.entries());
        synchronized (pages) {
            pages.put(key, new Page(status, List.copyOf(headers), body, now, now + seconds * 1_000_000_000L));
        }
    }

    private static long maxAge(String cacheControl) {
        Matcher matcher = MAX_AGE.matcher(cacheControl);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}

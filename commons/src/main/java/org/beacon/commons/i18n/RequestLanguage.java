package org.beacon.commons.i18n;

import java.util.Locale;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The interface language of the current request. Behind the gateway the chosen language arrives as
 * {@code Accept-Language}; a direct request may still carry the chooser's cookie.
 */
@RequestScoped
public class RequestLanguage {

    @Inject
    HttpServerRequest request;

    private String language;

    public String code() {
        if (language == null) {
            Cookie cookie = request.getCookie(Languages.COOKIE);
            language = Languages.resolve(cookie == null ? null : cookie.getValue(), request.getHeader("Accept-Language"));
        }
        return language;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    public String direction() {
        return Languages.direction(code());
    }
}

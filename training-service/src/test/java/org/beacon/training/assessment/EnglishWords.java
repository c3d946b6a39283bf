package org.beacon.training.assessment;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.qute.i18n.Message;

/**
 * GIFT parsed outside a running service, its refusals said in the words of {@link GiftMessages}' English
 * templates (the {@code @Message} texts the pages show to an English reader), so that parser tests read the
 * messages a user reads. Only the template features those messages use are understood: {@code {name}}, unparsed
 * {@code {|…|}} and the one/other plural choice.
 */
final class EnglishWords {

    private static final Pattern PLURAL = Pattern.compile("\\{#if plural == 'one'\\}(.*?)\\{#else\\}(.*?)\\{/if\\}");
    private static final Pattern UNPARSED = Pattern.compile("\\{\\|(.*?)\\|\\}");
    private static final Pattern VALUE = Pattern.compile("\\{([a-z]+)\\}");

    static final GiftRefusal.Words WORDS = new GiftRefusal.Words(english(), Locale.ENGLISH);

    private EnglishWords() {
    }

    static List<GiftQuestion> parse(String gift) {
        return Gift.parse(gift, WORDS);
    }

    private static GiftMessages english() {
        return (GiftMessages) Proxy.newProxyInstance(GiftMessages.class.getClassLoader(),
                new Class<?>[] { GiftMessages.class }, (proxy, method, args) -> say(method, args));
    }

    private static String say(Method method, Object[] args) {
        Map<String, String> values = new HashMap<>();
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            values.put(parameters[i].getName(), String.valueOf(args[i]));
        }
        String template = method.getAnnotation(Message.class).value();
        Matcher plural = PLURAL.matcher(template);
        template = plural.replaceAll(m -> Matcher.quoteReplacement(
                "one".equals(values.get("plural")) ? m.group(1) : m.group(2)));
        // Values first, then the unparsed braces, so that a brace written literally is never read as a value.
        StringBuilder said = new StringBuilder();
        Matcher unparsed = UNPARSED.matcher(template);
        int at = 0;
        while (unparsed.find()) {
            said.append(fill(template.substring(at, unparsed.start()), values)).append(unparsed.group(1));
            at = unparsed.end();
        }
        return said.append(fill(template.substring(at), values)).toString();
    }

    private static String fill(String text, Map<String, String> values) {
        return VALUE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
    }
}

package org.beacon.commons.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.beacon.commons.text.UntrustedText;

/**
 * Request bodies mean one thing or are refused. Jackson's defaults keep the last of two equal keys
 * ({@code {"passMark":90,"passMark":10}}) and ignore whatever follows the first value ({@code {...} garbage}), so
 * a body could be read differently by a proxy, a log and the service; and a string with U+0000 would reach
 * PostgreSQL, which cannot store it. The resulting Jackson errors become 400 problems naming the field
 * ({@link ProblemMappers}).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        mapper.registerModule(UntrustedText.jacksonModule());
    }
}

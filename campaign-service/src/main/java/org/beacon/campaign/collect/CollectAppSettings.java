package org.beacon.campaign.collect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The settings QR code of ODK Collect and KoboCollect: the settings JSON, zlib-compressed and base64-encoded
 * (docs.getodk.org/collect-import-export). Scanning it adds a project that lists, downloads and sends this link's
 * form, mirrors the server's list (so a closed wave's form leaves the phone), sends finished forms as soon as there is
 * a network and deletes them from the shared phone once sent.
 */
final class CollectAppSettings {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CollectAppSettings() {
    }

    /** The server address a collection link gives OpenRosa clients; Collect adds /formList and /submission. */
    static String serverUrl(String publicUrl, String token) {
        return publicUrl.replaceAll("/+$", "") + "/campaigns/collect/" + token;
    }

    static String json(String serverUrl, String projectName) {
        Map<String, Object> general = new LinkedHashMap<>();
        general.put("server_url", serverUrl);
        general.put("form_update_mode", "match_exactly");
        general.put("autosend", "wifi_and_cellular");
        general.put("delete_send", true);
        Map<String, Object> admin = new LinkedHashMap<>();
        // The token is the team's only credential: the phone's holder must not be able to read or change it.
        admin.put("change_server", false);
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("name", projectName.length() > 60 ? projectName.substring(0, 60) : projectName);
        project.put("icon", "B");
        project.put("color", "#1f5fa8");
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("general", general);
        settings.put("admin", admin);
        settings.put("project", project);
        try {
            return JSON.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain maps always serialize", e);
        }
    }

    /** What the QR code carries: base64(zlib(json)). */
    static String encode(String json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream zlib = new DeflaterOutputStream(bytes)) {
            zlib.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("compressing into memory cannot fail", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}

package org.beacon.campaign.survey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.beacon.commons.web.Reason;

/**
 * A survey definition read from a form and fully validated, ready to be stored. Label maps are ordered, so the
 * fingerprint of the same form is the same on every import.
 */
public record SurveyDraft(String title, String formId, String version, String defaultLanguage, List<String> languages,
        Map<String, String> consent, List<QuestionDraft> questions, String xform, List<Reason> notices) {

    /**
     * @param path the question's node in the XForm instance ({@code /data/grp/q1})
     * @param conditional the question or a group around it has a relevant rule
     * @param stored whether its answer (or computed value) is stored, so it gets a slot in every response
     * @param credits part credit in percent by choice name, of a knowledge item's options ({@code beacon_answer})
     * @param reversed a reverse-worded Likert item ({@code beacon_reverse})
     */
    public record QuestionDraft(String name, String path, String kind, String role, boolean required,
            boolean conditional, boolean stored, Map<String, String> label, Map<String, String> hint,
            String answerKey, List<ChoiceDraft> choices, Map<String, Integer> credits, boolean reversed) {

        /**
         * The text the form's fingerprint is made of. The settings that came with V35 are written only when set, so
         * a form without them keeps the fingerprint it had before, and importing it again still changes nothing.
         */
        @Override
        public String toString() {
            return "QuestionDraft[name=" + name + ", path=" + path + ", kind=" + kind + ", role=" + role
                    + ", required=" + required + ", conditional=" + conditional + ", stored=" + stored + ", label="
                    + label + ", hint=" + hint + ", answerKey=" + answerKey + ", choices=" + choices
                    + (credits.isEmpty() ? "" : ", credits=" + credits) + (reversed ? ", reversed=true" : "") + "]";
        }
    }

    public record ChoiceDraft(String name, Map<String, String> label) {
    }

    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

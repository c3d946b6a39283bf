package org.beacon.training.enrolment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.beacon.training.assessment.QuestionAnswer;

/**
 * The values a trainee's answer options are sent with. Authors usually write the right answer first, so neither the
 * stored position of an option nor an order derived from things the trainee can see (the enrolment's and question's
 * numbers are in the page's addresses) may reach the page: whoever reads the page's source would know the key.
 * Each option is named by a keyed hash of the question and its position under the enrolment's own secret key
 * ({@link Enrolment#optionKey}, never sent), and shown in the order of those names: the same on every visit of the
 * same trainee, unrelated to which option is right, different for each enrolment.
 */
public final class AnswerOptions {

    /** 16 hexadecimal digits: 64 bits, so that two options of one question practically never share a name. */
    private static final int LENGTH = 16;

    private AnswerOptions() {
    }

    /** The value option {@code position} of question {@code questionId} is sent with, for this enrolment. */
    public static String value(UUID key, long questionId, int position) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            ByteBuffer secret = ByteBuffer.allocate(16);
            secret.putLong(key.getMostSignificantBits()).putLong(key.getLeastSignificantBits());
            mac.init(new SecretKeySpec(secret.array(), "HmacSHA256"));
            byte[] digest = mac.doFinal((questionId + ":" + position).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest).substring(0, LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * The stored positions of the values sent, as text, in the order sent. A value that names no option of the
     * question (a stored position among them: those are never sent) is refused.
     */
    static List<String> positions(UUID key, long questionId, List<QuestionAnswer> answers, List<String> sent) {
        return sent.stream().map(value -> answers.stream()
                .filter(answer -> value(key, questionId, answer.position).equals(value.strip()))
                .map(answer -> String.valueOf(answer.position)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest(Reason.of("answer.not-an-answer",
                        String.valueOf(questionId), value, String.valueOf(answers.size() - 1)))))
                .toList();
    }
}

package org.beacon.campaign.campaign;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.beacon.commons.text.UntrustedText;

/** A campaign's text in one language. */
public record TranslationText(
        @NotBlank @Size(max = 300) String title,
        @Size(max = 10000) String objectives,
        @NotNull @Size(max = 20) List<@NotBlank @Size(max = 2000) String> keyMessages) {

    public TranslationText {
        // The title is shown to other people: nothing in it may reorder or hide what they read.
        title = title == null ? null : UntrustedText.stripSpoofing(title).trim();
        objectives = objectives == null ? "" : objectives.trim();
        keyMessages = keyMessages == null ? null
                : keyMessages.stream().map(m -> m == null ? null : m.trim()).toList();
    }
}

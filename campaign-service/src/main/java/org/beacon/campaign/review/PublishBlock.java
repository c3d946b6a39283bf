package org.beacon.campaign.review;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a campaign version or material variant cannot be published yet, as its page explains it next to the disabled
 * Publish button. The services refuse the publish on the same grounds; these only say so before anyone tries.
 */
public enum PublishBlock {
    /** Still a draft: it goes for review first. */
    NOT_SUBMITTED,
    /** In review, waiting for a campaign manager who did not write it. */
    NOT_APPROVED,
    /** The campaign names no place, so no help can be checked for its readers. */
    NO_PLACE,
    /** A place × language of the campaign has no help resource that counts for the gate. */
    MISSING_HELP,
    /** A published material names help ({help.hotline.contact}) the directory cannot fill. */
    UNFILLED_PLACEHOLDERS;

    /** The review's own blocks (nothing once published or archived: there is no Publish then), then the gate's. */
    public static List<PublishBlock> of(Review review, List<PublishBlock> gate) {
        if (!review.isOpen()) {
            return List.of();
        }
        List<PublishBlock> blocks = new ArrayList<>();
        if (review.isDraft()) {
            blocks.add(NOT_SUBMITTED);
        } else if (!review.isApproved()) {
            blocks.add(NOT_APPROVED);
        }
        blocks.addAll(gate);
        return List.copyOf(blocks);
    }
}

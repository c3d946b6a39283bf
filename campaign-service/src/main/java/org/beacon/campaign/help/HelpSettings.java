package org.beacon.campaign.help;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the help directory treats its entries (prefix {@code beacon.help}). */
@ConfigMapping(prefix = "beacon.help")
public interface HelpSettings {

    /** Demo entries (shipped sample data) carry a visible "demo" label on public pages. */
    @WithDefault("true")
    boolean showDemoLabel();

    /**
     * Whether a demo entry counts as help for the publishing gate and fills a material's help placeholders. Only the
     * local and end-to-end stacks turn it on, so their demo campaigns publish: in a real installation a placeholder
     * hotline must never be the only help a campaign points readers to (001 L83, L111).
     */
    @WithDefault("false")
    boolean demoCountsForGate();
}

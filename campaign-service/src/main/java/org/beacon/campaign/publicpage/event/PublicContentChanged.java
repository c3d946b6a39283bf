package org.beacon.campaign.publicpage.event;

/**
 * Something a public campaign page shows has changed (a campaign, material variant or wave was published or taken
 * down, a help resource changed). Writers fire it inside their transaction; the public page observes it after a
 * successful commit and drops its cached views, so no writer needs to know the page keeps a cache. It lives apart
 * from {@code publicpage} because the page itself reads from the packages that fire it.
 *
 * @param what the change, for the log
 */
public record PublicContentChanged(String what) {
}

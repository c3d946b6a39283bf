package org.beacon.campaign.publicpage;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.beacon.campaign.publicpage.event.PublicContentChanged;
import org.jboss.logging.Logger;

/** Drops the cached public pages (PublicCampaigns.PAGE_CACHE) once a change to what they show is committed. */
@ApplicationScoped
public class PublicPageCache {

    private static final Logger LOG = Logger.getLogger(PublicPageCache.class);

    @CacheName(PublicCampaigns.PAGE_CACHE)
    Cache pages;

    /** After the commit only: a rolled-back change leaves nothing to drop, and a reader can't re-cache the old page. */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicContentChanged change) {
        pages.invalidateAll().await().indefinitely();
        LOG.debugf("Public pages dropped from the cache: %s", change.what());
    }
}

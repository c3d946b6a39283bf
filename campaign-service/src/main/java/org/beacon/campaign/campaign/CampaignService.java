package org.beacon.campaign.campaign;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.web.ProblemException;

/** Campaign rules: a campaign belongs to one organization and only that organization (or an admin) sees it. */
@ApplicationScoped
public class CampaignService {

    @Inject
    CurrentUser user;

    public List<Campaign> visibleCampaigns() {
        return user.isAdmin() ? Campaign.all() : Campaign.ofOrganization(user.requireOrganization());
    }

    public Campaign find(long id) {
        Campaign campaign = Campaign.findById(id);
        if (campaign == null) {
            throw ProblemException.notFound("No campaign " + id + ".");
        }
        user.requireMayActFor(campaign.organization);
        return campaign;
    }

    @Transactional
    public Campaign create(NewCampaign request) {
        if (Campaign.count("slug", request.slug()) > 0) {
            throw ProblemException.conflict("A campaign with the address '" + request.slug() + "' already exists.");
        }
        Campaign campaign = new Campaign();
        campaign.slug = request.slug();
        campaign.title = request.title().trim();
        campaign.defaultLanguage = request.defaultLanguage();
        campaign.organization = user.requireOrganization();
        campaign.status = Campaign.DRAFT;
        campaign.createdBy = user.subject();
        campaign.persist();
        return campaign;
    }
}

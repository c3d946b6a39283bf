package org.beacon.campaign.results;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An organization's own smallest publishable group (k), when it differs from the platform default. */
@Entity
@Table(name = "survey_disclosure_policy")
public class DisclosurePolicy extends PanacheEntityBase {

    /** Below this a group is small enough to single people out, whatever an organization prefers. */
    public static final int FLOOR = 5;

    @Id
    public String organization;
    @Column(name = "min_cell_size")
    public int minCellSize;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_at")
    public OffsetDateTime changedAt;
}

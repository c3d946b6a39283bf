package org.beacon.campaign.survey;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Interface strings of the survey import (its report and the page of XLSForm features Beacon supports);
 * translations in messages/xlsform_*.properties.
 */
@MessageBundle("xlsform")
public interface XlsFormMessages {

    @Message("Which XLSForm features Beacon supports")
    String support_link();

    @Message("XLSForm support")
    String support_title();

    @Message("Beacon surveys are XLSForm as xlsform.org and pyxform define it, for every row that makes sense in an anonymous survey. A form with a feature Beacon cannot honour is refused as a whole, each problem named by sheet, row, column and feature; nothing of it is stored.")
    String support_intro();

    @Message("Feature")
    String feature();

    @Message("In Beacon")
    String in_beacon();

    @Message("Import notes")
    String notices_title();

    @Message("What the import left out or filled in:")
    String notices_intro();

    @Message("asked only when its rule holds")
    String conditional();
}

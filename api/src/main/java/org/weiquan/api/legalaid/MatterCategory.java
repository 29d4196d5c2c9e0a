package org.weiquan.api.legalaid;

/** What the legal matter is about. Wages and work injury decide the migrant worker's means-test exemption (§42). */
public enum MatterCategory {
    WAGES, WORK_INJURY, LABOUR_CONTRACT, SOCIAL_INSURANCE, OTHER;

    /** §42(三): a migrant worker claiming labour remuneration or work-injury compensation. */
    public boolean exemptsMigrantWorkersFromMeansTest() {
        return this == WAGES || this == WORK_INJURY;
    }
}

package org.weiquan.api.common;

/** The ten districts and county-level cities of the city federation (Suzhou's). */
public enum District {
    GUSU("姑苏区"),
    HUQIU("虎丘区"),
    WUZHONG("吴中区"),
    XIANGCHENG("相城区"),
    WUJIANG("吴江区"),
    SIP("苏州工业园区"),
    CHANGSHU("常熟市"),
    ZHANGJIAGANG("张家港市"),
    KUNSHAN("昆山市"),
    TAICANG("太仓市");

    private final String chineseName;

    District(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}

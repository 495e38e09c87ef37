package sh.grassroots.org.conference.model;

/** Where a member unit comes from; the article's conference mixes all of these. */
public enum Sector {
    /** 央企, e.g. 上海黄金交易所, 上海清算所. */
    CENTRAL_SOE,
    /** 市属国企, e.g. 太平洋保险, 东方证券, 久事投资. */
    CITY_SOE,
    /** 区属国企, e.g. 外滩投资. */
    DISTRICT_SOE,
    /** 民企, e.g. 复星集团, 汇添富基金. */
    PRIVATE_FIRM,
    /** 街道, the territorial units: 南京东路, 外滩, 小东门, 老西门. */
    SUB_DISTRICT,
    OTHER
}

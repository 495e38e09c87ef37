package sh.grassroots.org.tree.model;

import java.util.Arrays;
import java.util.Optional;

/** Shanghai's 16 districts, coded by their administrative division codes. */
public enum District {
    HUANGPU("310101", "黄浦区"),
    XUHUI("310104", "徐汇区"),
    CHANGNING("310105", "长宁区"),
    JINGAN("310106", "静安区"),
    PUTUO("310107", "普陀区"),
    HONGKOU("310109", "虹口区"),
    YANGPU("310110", "杨浦区"),
    MINHANG("310112", "闵行区"),
    BAOSHAN("310113", "宝山区"),
    JIADING("310114", "嘉定区"),
    PUDONG("310115", "浦东新区"),
    JINSHAN("310116", "金山区"),
    SONGJIANG("310117", "松江区"),
    QINGPU("310118", "青浦区"),
    FENGXIAN("310120", "奉贤区"),
    CHONGMING("310151", "崇明区");

    private final String code;
    private final String chineseName;

    District(String code, String chineseName) {
        this.code = code;
        this.chineseName = chineseName;
    }

    public String code() {
        return code;
    }

    public String chineseName() {
        return chineseName;
    }

    public static Optional<District> byCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
    }
}

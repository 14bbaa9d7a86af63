package cn.zhifa.publicity.internal;

/** One power of the 权责清单 of a year: what it is, under which law, who exercises it at which level. */
public record Power(Long id, int year, PowerKind kind, String name, String legalBasis, String body, String level,
                    boolean demo, int version) {
}

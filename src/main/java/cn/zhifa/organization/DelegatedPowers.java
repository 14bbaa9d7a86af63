package cn.zhifa.organization;

import cn.zhifa.shared.Verdict;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The enforcement powers a 街道（乡镇） unit exercises by 赋权 (in its own name) or 委托 (in the bureau's name), asked
 * before a township opens an inspection task or a case and when its documents are issued. Implemented by the
 * {@code township} module; without an implementation (or for a unit that is no township, or a township with no powers
 * recorded) every unit works as before: {@link #NONE}.
 */
public interface DelegatedPowers {

    /** What a unit sets out to do, matched against the kind of the 权责清单 item granted or entrusted. */
    enum Matter {
        INSPECTION("行政检查"),
        PENALTY("行政处罚");

        private final String label;

        Matter(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * The name a township issues documents under by 赋权: its own full name and 代字 (机关简称 of its numbers).
     *
     * @param organizationId the township unit (its numbers run in its own sequence)
     * @param name           全称, e.g. 东丽区金钟街道办事处
     * @param shortName      the 代字 its numbers carry, e.g. 金钟
     */
    record OwnName(long organizationId, String name, String shortName) {
    }

    /** Whether the unit may do the matter on the day; refused with the Chinese reason when outside its powers or dates. */
    Verdict check(long organizationId, Matter matter, LocalDate on);

    /**
     * The township's own name when it holds a power by 赋权 on the day; empty when it works by 委托 or is no township
     * (its documents then carry the bureau's name and numbering).
     */
    Optional<OwnName> ownNameOf(long organizationId, LocalDate on);

    /** The township's name when it acts by 委托 on the day: its documents carry the bureau's name, it is the "受委托单位". */
    Optional<String> entrustedUnitName(long organizationId, LocalDate on);

    /** Every unit works as before. */
    DelegatedPowers NONE = new DelegatedPowers() {
        @Override
        public Verdict check(long organizationId, Matter matter, LocalDate on) {
            return Verdict.allow();
        }

        @Override
        public Optional<OwnName> ownNameOf(long organizationId, LocalDate on) {
            return Optional.empty();
        }

        @Override
        public Optional<String> entrustedUnitName(long organizationId, LocalDate on) {
            return Optional.empty();
        }
    };
}

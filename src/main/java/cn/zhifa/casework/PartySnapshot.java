package cn.zhifa.casework;

/**
 * The party as it was when the case was opened (a case keeps its own copy): name, USCC or ID number,
 * legal representative and address. Views show the code masked.
 */
public record PartySnapshot(PartyKind kind, String name, String code, String legalRepresentative, String address) {

    /** 9135****0Y43 / 1101**********002X */
    public String maskedCode() {
        if (code == null || code.length() < 8) {
            return code;
        }
        return code.substring(0, 4) + "*".repeat(code.length() - 8) + code.substring(code.length() - 4);
    }
}

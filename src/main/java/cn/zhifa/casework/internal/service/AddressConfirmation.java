package cn.zhifa.casework.internal.service;

import java.time.LocalDate;

/** A signed 送达地址确认书: where and to whom documents go, and whether the party consents to electronic service. */
public record AddressConfirmation(Long id, String address, String recipient, String phone, String electronicAddress,
                                  boolean electronicConsent, String signedBy, LocalDate confirmedOn, String documentNumber) {

    /** Consent to electronic service with an electronic address to serve to (行政处罚法第六十一条第二款). */
    public boolean allowsElectronicService() {
        return electronicConsent && electronicAddress != null && !electronicAddress.isBlank();
    }
}

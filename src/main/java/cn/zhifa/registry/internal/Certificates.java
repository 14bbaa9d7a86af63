package cn.zhifa.registry.internal;

import cn.zhifa.registry.OfficerCertificate;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface Certificates extends ListCrudRepository<OfficerCertificate, Long> {

    @Query("SELECT * FROM officer_certificate WHERE user_id = :userId ORDER BY issued_on DESC, id DESC")
    List<OfficerCertificate> findByUser(long userId);

    Optional<OfficerCertificate> findByCertificateNo(String certificateNo);

    /** A certificate that was valid on {@code :on} (suspended or revoked only after that day). */
    String VALID_ON = "issued_on <= :on AND expires_on >= :on AND (status = 'VALID' OR status_since > :on)";

    @Query("SELECT * FROM officer_certificate WHERE organization_id IN (:orgs) AND " + VALID_ON + " ORDER BY officer_name, id")
    List<OfficerCertificate> findValidOn(Collection<Long> orgs, LocalDate on);

    @Query("SELECT * FROM officer_certificate WHERE organization_id IN (:orgs) ORDER BY status DESC, officer_name, id")
    List<OfficerCertificate> findByOrganizations(Collection<Long> orgs);

    @Query("SELECT * FROM officer_certificate WHERE organization_id IN (:orgs) AND status = 'VALID' "
            + "AND expires_on >= :from AND expires_on <= :to ORDER BY expires_on, id")
    List<OfficerCertificate> findExpiring(Collection<Long> orgs, LocalDate from, LocalDate to);

    @Query("SELECT count(*) FROM officer_certificate WHERE organization_id IN (:orgs) AND status = 'VALID' "
            + "AND expires_on >= :from AND expires_on <= :to")
    long countExpiring(Collection<Long> orgs, LocalDate from, LocalDate to);
}

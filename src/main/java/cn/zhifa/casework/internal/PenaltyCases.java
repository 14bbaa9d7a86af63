package cn.zhifa.casework.internal;

import cn.zhifa.casework.PenaltyCase;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface PenaltyCases extends ListCrudRepository<PenaltyCase, Long> {

    /** Cases of the same violation row and date of the act: candidates for 一事不再罚 (行政处罚法第二十九条). */
    List<PenaltyCase> findByViolationCodeAndActOn(String violationCode, LocalDate actOn);
}

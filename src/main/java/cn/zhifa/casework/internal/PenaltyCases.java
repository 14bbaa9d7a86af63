package cn.zhifa.casework.internal;

import cn.zhifa.casework.PenaltyCase;
import org.springframework.data.repository.ListCrudRepository;

public interface PenaltyCases extends ListCrudRepository<PenaltyCase, Long> {
}

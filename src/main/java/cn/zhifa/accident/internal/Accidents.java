package cn.zhifa.accident.internal;

import org.springframework.data.repository.ListCrudRepository;

public interface Accidents extends ListCrudRepository<Accident, Long> {
}

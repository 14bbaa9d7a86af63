package cn.zhifa.publicity;

import cn.zhifa.publicity.internal.Power;
import cn.zhifa.publicity.internal.PowerList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The 权责清单 as other modules read it (e.g. townships choosing the powers granted or entrusted to them). */
@Service
public class PowerCatalog {

    /** One item of the list: its kind as code ({@code PENALTY}, {@code INSPECTION} …) and in Chinese. */
    public record ListedPower(long id, int year, String kind, String kindLabel, String name) {
    }

    private final PowerList list;

    PowerCatalog(PowerList list) {
        this.list = list;
    }

    /** The items of the list in force in {@code year} (that year's, else the newest earlier one). */
    @Transactional(readOnly = true)
    public List<ListedPower> items(int year) {
        int listYear = list.publicYear(year);
        return list.page(listYear, null, null, 0, 10_000).items().stream().map(PowerCatalog::listed).toList();
    }

    @Transactional(readOnly = true)
    public Optional<ListedPower> find(long id) {
        return list.find(id).map(PowerCatalog::listed);
    }

    private static ListedPower listed(Power p) {
        return new ListedPower(p.id(), p.year(), p.kind().name(), p.kind().label(), p.name());
    }
}

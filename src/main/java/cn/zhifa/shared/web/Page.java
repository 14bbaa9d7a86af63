package cn.zhifa.shared.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: its items, the 0-based page number, the page size and the total count. Every API list answers
 * with this one shape, {@code {"items": [...], "total": n, "page": p, "size": s}}.
 */
@JsonPropertyOrder({"items", "total", "page", "size"})
public record Page<T>(List<T> items,
                      @JsonProperty("page") @Schema(description = "页码，从 0 开始") int number,
                      @Schema(description = "每页条数") int size,
                      @Schema(description = "符合条件的总条数") long total) {

    /** One page cut from a list already held in memory. */
    public static <T> Page<T> of(List<T> all, int number, int size) {
        int from = (int) Math.min((long) number * size, all.size());
        return new Page<>(List.copyOf(all.subList(from, Math.min(from + size, all.size()))), number, size, all.size());
    }

    public static <T> Page<T> empty(int number, int size) {
        return new Page<>(List.of(), number, size, 0);
    }

    /** One page cut from a complete list (for lists that are small by nature, held in memory). */
    public static <T> Page<T> of(List<T> all, Integer page, Integer size) {
        int number = number(page);
        int pageSize = size(size);
        List<T> items = all.stream().skip((long) number * pageSize).limit(pageSize).toList();
        return new Page<>(items, number, pageSize, all.size());
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return number > 0;
    }

    public boolean hasNext() {
        return number + 1 < totalPages();
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), number, size, total);
    }

    /** Clamps a requested page size to 1..200 (default 20). */
    public static int size(Integer requested) {
        return requested == null || requested < 1 ? 20 : Math.min(requested, 200);
    }

    public static int number(Integer requested) {
        return requested == null || requested < 0 ? 0 : requested;
    }
}

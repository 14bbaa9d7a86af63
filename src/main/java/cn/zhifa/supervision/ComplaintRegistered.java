package cn.zhifa.supervision;

import java.time.LocalDate;

/** The answer to a registration: the complaint and its 受理 and 办结 deadlines. */
public record ComplaintRegistered(long id, LocalDate acceptDue, LocalDate closeDue) {
}

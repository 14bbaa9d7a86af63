package cn.zhifa.casework;

/** 备案 of penalty decisions in a scope: waiting (not yet due), overdue and recorded (of which sent late). */
public record FilingCount(long due, long overdue, long recorded, long recordedLate) {
}

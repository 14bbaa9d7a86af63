package cn.zhifa.law.web;

import cn.zhifa.law.AccidentAssessment;
import cn.zhifa.law.CodeCheck;
import cn.zhifa.law.Deadline;
import cn.zhifa.law.FineRange;
import cn.zhifa.law.StatutoryPeriod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import cn.zhifa.shared.web.ApiExceptionHandler;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The public legal toolbox API (issue 3). Paths, parameter and field names are a fixed contract
 * that other tools depend on: change nothing here without a new API version.
 */
@RestController
@RequestMapping(path = "/api/v1/toolbox", produces = MediaType.APPLICATION_JSON_VALUE)
class ToolboxApiController {

    static final String VALID_USCC = "校验通过：符合GB 32100-2015的字符集和校验码规则";
    static final String VALID_ID_NUMBER = "校验通过：符合GB 11643-1999的出生日期和校验码规则";

    private final Toolbox toolbox;

    ToolboxApiController(Toolbox toolbox) {
        this.toolbox = toolbox;
    }

    record DayCount(String from, int days, String due, boolean provisional) {
        static DayCount of(Deadline deadline) {
            return new DayCount(deadline.from().toString(), deadline.length(), deadline.due().toString(),
                    deadline.provisional());
        }
    }

    record Grade(String grade, String label) {
    }

    record Fine(long minYuan, long maxYuan, String basis) {
    }

    record Code(String code, boolean valid, String reason) {
    }

    @GetMapping("/working-days")
    DayCount workingDays(@RequestParam(required = false) String from, @RequestParam(required = false) String days) {
        return DayCount.of(toolbox.workingDays(from, days));
    }

    @GetMapping("/calendar-days")
    DayCount calendarDays(@RequestParam(required = false) String from, @RequestParam(required = false) String days) {
        return DayCount.of(toolbox.calendarDays(from, days));
    }

    @GetMapping("/accident-grade")
    Grade accidentGrade(@RequestParam(required = false) String deaths,
                        @RequestParam(required = false) String seriousInjuries,
                        @RequestParam(required = false) String directLossYuan) {
        AccidentAssessment assessment = toolbox.accidentGrade(deaths, seriousInjuries, directLossYuan);
        return new Grade(assessment.grade().name(), assessment.grade().label());
    }

    @GetMapping("/accident-fine")
    Fine accidentFine(@RequestParam(required = false) String grade, @RequestParam(required = false) String party,
                      @RequestParam(required = false) String aggravated,
                      @RequestParam(required = false) String annualIncomeYuan,
                      @RequestParam(required = false) String fled, @RequestParam(required = false) String concealed) {
        FineRange range = toolbox.accidentFine(grade, party, aggravated, annualIncomeYuan, fled, concealed);
        return wholeYuan(range);
    }

    /** One statutory period as configured: how long, how counted, its legal basis and whether it rolls over rest days. */
    record PeriodInfo(String code, String name, int length, String counting, String lengthLabel, String basis,
                      String effectiveFrom, boolean rollsOverRestDays, boolean localRule) {
        static PeriodInfo of(StatutoryPeriod p) {
            return new PeriodInfo(p.code().name(), p.name(), p.length(), p.counting().name(), p.lengthLabel(), p.source(),
                    p.effectiveFrom().toString(), p.rollsOverRestDays(), !p.confirmed());
        }
    }

    record PeriodList(java.util.List<PeriodInfo> items, int total, int page, int size) {
    }

    record PeriodDue(String code, String name, String basis, String from, String due, boolean rollsOverRestDays,
                     boolean provisional) {
    }

    @GetMapping("/periods")
    @io.swagger.v3.oas.annotations.Operation(summary = "法定期限一览：代码、名称、期限、依据、届满日遇节假日是否顺延")
    PeriodList periods() {
        java.util.List<PeriodInfo> items = toolbox.periodList().stream().map(PeriodInfo::of).toList();
        return new PeriodList(items, items.size(), 0, items.size());
    }

    @GetMapping("/periods/{code}")
    @io.swagger.v3.oas.annotations.Operation(summary = "计算法定期限届满日：from（YYYY-MM-DD，当日不计）起算")
    PeriodDue period(@PathVariable String code, @RequestParam(required = false) String from) {
        StatutoryPeriod period = toolbox.periodNamed(code);
        Deadline deadline = toolbox.statutoryPeriod(code, from);
        return new PeriodDue(period.code().name(), period.name(), deadline.basis(), deadline.from().toString(),
                deadline.due().toString(), period.rollsOverRestDays(), deadline.provisional());
    }

    @GetMapping("/uscc/{code}")
    Code uscc(@PathVariable String code) {
        CodeCheck<?> check = toolbox.uscc(code);
        return new Code(code, check.valid(), check.valid() ? VALID_USCC : check.reason());
    }

    @GetMapping("/id-number/{number}")
    Code idNumber(@PathVariable String number) {
        CodeCheck<?> check = toolbox.idNumber(number);
        return new Code(number, check.valid(), check.valid() ? VALID_ID_NUMBER : check.reason());
    }

    @GetMapping({"/uscc", "/uscc/"})
    Code usccMissing() {
        throw new ToolboxInputException("缺少参数：请在路径中给出统一社会信用代码，如 /api/v1/toolbox/uscc/91350100M000100Y43");
    }

    @GetMapping({"/id-number", "/id-number/"})
    Code idNumberMissing() {
        throw new ToolboxInputException("缺少参数：请在路径中给出身份证号码，如 /api/v1/toolbox/id-number/11010519491231002X");
    }

    @ExceptionHandler(ToolboxInputException.class)
    ResponseEntity<ProblemDetail> badInput(ToolboxInputException e) {
        return ApiExceptionHandler.problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /**
     * Whole yuan as the contract asks: a fixed amount (min = max) is rounded half up; a range is
     * narrowed inwards (min up, max down) so it never leaves the statutory range.
     */
    static Fine wholeYuan(FineRange range) {
        if (range.minYuan().compareTo(range.maxYuan()) == 0) {
            long amount = range.minYuan().setScale(0, RoundingMode.HALF_UP).longValueExact();
            return new Fine(amount, amount, range.basis());
        }
        BigDecimal min = range.minYuan().setScale(0, RoundingMode.CEILING);
        BigDecimal max = range.maxYuan().setScale(0, RoundingMode.FLOOR);
        return new Fine(min.longValueExact(), max.longValueExact(), range.basis());
    }
}

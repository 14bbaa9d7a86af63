package cn.zhifa.law.web;

/** Bad input to a toolbox calculator; the message is Chinese and shown to the user as is. */
class ToolboxInputException extends RuntimeException {

    ToolboxInputException(String message) {
        super(message);
    }
}

package jp.demofintech.kakeibo.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.demofintech.kakeibo.bank.BankProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Shows what went wrong with the bank in plain Japanese, with the bank's own code and message for support; a
 * connection the bank has ended is forgotten, so the customer can connect again.
 */
@ControllerAdvice
class BankProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(BankProblemAdvice.class);

    @ExceptionHandler(BankProblem.class)
    String problem(BankProblem problem, HttpServletRequest request, HttpServletResponse response, Model model) {
        log.info("bank problem on {}: {}", request.getRequestURI(), problem.getMessage());
        switch (problem.kind()) {
            case UNAVAILABLE -> {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                model.addAttribute("title", "銀行に接続できませんでした");
                model.addAttribute("detail", "しばらくしてからもう一度お試しください。");
            }
            case AUTHORIZATION_REFUSED -> {
                boolean denied = "access_denied".equals(problem.errorCode());
                model.addAttribute("title", denied ? "口座の連携は完了しませんでした" : "銀行が連携を受け付けませんでした");
                model.addAttribute("detail", denied
                        ? "銀行の画面で同意されなかったため、口座はつながっていません。"
                        : "口座はつながっていません。もう一度お試しください。");
            }
            case CONNECTION_ENDED -> {
                CustomerSession.forget(request);
                model.addAttribute("title", "銀行との連携が終了しています");
                model.addAttribute("detail", "連携が解除されたか、有効期限が切れました。もう一度口座をつないでください。");
            }
            case API_ERROR -> {
                response.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
                model.addAttribute("title", "銀行からエラーが返されました");
                model.addAttribute("detail", "銀行が次のように回答しました。");
            }
        }
        model.addAttribute("problem", problem);
        model.addAttribute("connected", CustomerSession.connection(request) != null);
        return "problem";
    }
}

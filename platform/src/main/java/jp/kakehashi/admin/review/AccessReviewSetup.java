package jp.kakehashi.admin.review;

import java.util.EnumSet;
import java.util.List;
import jp.kakehashi.admin.ConsoleAccessRules;
import jp.kakehashi.admin.ConsoleDashboardItem;
import jp.kakehashi.admin.ConsoleLink;
import jp.kakehashi.admin.StaffRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The review's menu entry, its access (auditors only: reading every staff member's actions is theirs) and its
 * dashboard line: months past their end without a sign-off, overdue. */
@Configuration(proxyBeanMethods = false)
class AccessReviewSetup {

    @Bean
    ConsoleLink accessReviewLink() {
        return new ConsoleLink("/console/access-review", "console.nav.access-review", 80, EnumSet.of(StaffRole.AUDITOR));
    }

    @Bean
    ConsoleAccessRules accessReviewAccess() {
        return ConsoleAccessRules.pageOnlyFor("/console/access-review", StaffRole.AUDITOR);
    }

    @Bean
    ConsoleDashboardItem overdueReviews(AccessReviews reviews) {
        return staff -> {
            if (!staff.has(StaffRole.AUDITOR)) {
                return List.of();
            }
            return reviews.overdue().stream().map(month -> new ConsoleDashboardItem.Entry(
                    "console.dashboard.review-overdue", 1, month.toString(),
                    "/console/access-review?month=" + month, AccessReviews.start(month.plusMonths(1)), true))
                    .toList();
        };
    }
}

package cn.zhifa.organization.internal;

import cn.zhifa.organization.UserAccount;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface UserAccounts extends ListCrudRepository<UserAccount, Long> {

    @Query("SELECT * FROM app_user WHERE LOWER(username) = LOWER(:username)")
    Optional<UserAccount> findByUsername(String username);
}

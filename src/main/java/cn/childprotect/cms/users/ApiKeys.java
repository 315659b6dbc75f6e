package cn.childprotect.cms.users;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApiKeys extends JpaRepository<ApiKey, Long> {

    Optional<ApiKey> findByKeyHash(String keyHash);

    List<ApiKey> findByUsernameOrderById(String username);

    Optional<ApiKey> findByIdAndUsername(long id, String username);
}

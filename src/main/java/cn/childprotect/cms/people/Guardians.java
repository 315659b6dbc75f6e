package cn.childprotect.cms.people;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Guardians extends JpaRepository<Guardian, Long> {

    List<Guardian> findByChildIdOrderById(long childId);
}
